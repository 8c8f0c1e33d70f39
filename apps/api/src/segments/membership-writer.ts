import { randomUUID } from 'node:crypto';
import {
  closeMemberships,
  enqueueSegmentChanges,
  openMemberships,
  segmentChangesInsertSql,
  type Queryable,
  type SegmentChangeMessage,
} from '@segflow/stores';

/** A lead moving from one segment (or none) to another (or none). */
export interface MembershipChange {
  leadId: string;
  from: { membershipId: string; segmentId: string } | null;
  toSegmentId: string | null;
  /** Whether `toSegmentId` is a rule segment: its membership then belongs to no model. */
  byRule?: boolean;
  triggerEventId: string | null;
  /** W3C traceparent of the request whose event moved the lead (tracing on); the entry's run start continues it. */
  traceparent?: string;
}

/**
 * Why memberships changed: `event` (real time), `model_activated` (first model or approval), `rule_changed` (a rule
 * segment created, edited or deleted), `rule_window` (the sweep: an events-in-a-window condition changed with time),
 * `lead_changed` (a lead upsert wrote a field rules read).
 */
export interface MembershipContext {
  /** The active model (null without one); learned memberships record it. */
  modelId: string | null;
  at: Date;
  reason: 'event' | 'model_activated' | 'rule_changed' | 'rule_window' | 'lead_changed';
}

/**
 * Closes the old memberships, opens the new ones and writes a `segment_left` / `segment_entered` outbox row per
 * closed / opened membership that a playbook run may act on (the outbox store's `segmentChangesInsertSql`): two statements for any
 * number of changes, all in the caller's transaction. The close is its own statement because the open ones would
 * collide with the still-open rows in the one-open-membership index (the parts of one statement run in no set
 * order); opening and its outbox rows share one.
 */
export async function writeMembershipChanges(
  manager: Queryable,
  changes: readonly MembershipChange[],
  context: MembershipContext,
): Promise<void> {
  if (!changes.length) return;
  const at = context.at.toISOString();
  const closing = changes.filter((c) => c.from !== null);
  const opening = changes.filter((c) => c.toSegmentId !== null).map((c) => ({ ...c, membershipId: randomUUID() }));
  await closeMemberships(
    manager,
    closing.map((c) => c.from!.membershipId),
    at,
    context.reason,
  );
  // Left before entered, so a dispatcher reading in id order exits the old run before starting the new one.
  const messages: SegmentChangeMessage[] = [
    ...closing.map((c): SegmentChangeMessage => ({
      kind: 'segment_left',
      payload: {
        leadId: c.leadId,
        segmentId: c.from!.segmentId,
        membershipId: c.from!.membershipId,
        leftAt: at,
        reason: context.reason,
      },
    })),
    ...opening.map((c): SegmentChangeMessage => ({
      kind: 'segment_entered',
      payload: {
        leadId: c.leadId,
        segmentId: c.toSegmentId!,
        membershipId: c.membershipId,
        enteredAt: at,
        triggerEventId: c.triggerEventId,
        traceparent: c.traceparent,
      },
    })),
  ];
  if (!opening.length) {
    await enqueueSegmentChanges(manager, messages);
    return;
  }
  await openMemberships(
    manager,
    opening.map((c) => ({
      membershipId: c.membershipId,
      leadId: c.leadId,
      segmentId: c.toSegmentId!,
      modelId: c.byRule ? null : context.modelId,
      triggerEventId: c.triggerEventId,
    })),
    { at, reason: context.reason },
    { sql: segmentChangesInsertSql, param: JSON.stringify(messages) },
  );
}

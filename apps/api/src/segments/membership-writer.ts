import { randomUUID } from 'node:crypto';
import { closeMemberships, openMemberships, type Queryable } from '@segflow/stores';
import type { OutboxMessage } from '../outbox/outbox-message';

/** A lead moving from one segment (or none) to another (or none). */
export interface MembershipChange {
  leadId: string;
  from: { membershipId: string; segmentId: string } | null;
  toSegmentId: string | null;
  triggerEventId: string | null;
}

/** Why memberships changed: `event` (real time), `model_activated` (first model or approval). */
export interface MembershipContext {
  modelId: string;
  at: Date;
  reason: 'event' | 'model_activated';
}

/** An INSERT of outbox rows given as a JSON array of {@link OutboxMessage} in the parameter `param` (e.g. `$1`). */
export const insertOutboxSql = (param: string): string =>
  `INSERT INTO outbox (kind, payload) SELECT x.kind, x.payload FROM jsonb_to_recordset(${param}::jsonb) AS x(kind text, payload jsonb)`;

/**
 * Like {@link insertOutboxSql} for `segment_entered` / `segment_left` messages, keeping only those a dispatcher
 * would act on: entries into a segment with a bound playbook (a run may start) and exits from one (its run may be
 * about to start from a still-undelivered entry), plus exits of leads with an active run. The rest would be read,
 * looked up and marked delivered for nothing: most segments of a model have no playbook, and a model activation
 * moves thousands of leads. A binding made later catches the segment's next entrants; its current members are
 * enrolled explicitly (PlaybookLifecycleService.enrolSegmentMembers). `segment_bindings.segment_id` and
 * `runs (lead_id, …)` are indexed, so the filter is two index probes per change.
 */
const insertSegmentOutboxSql = (param: string): string => `${insertOutboxSql(param)}
  WHERE EXISTS (SELECT 1 FROM segment_bindings b WHERE b.segment_id = x.payload->>'segmentId')
     OR (x.kind = 'segment_left' AND EXISTS (SELECT 1 FROM runs r WHERE r.lead_id = (x.payload->>'leadId')::uuid AND r.status = 'active'))`;

// The outbox SQL below belongs to the outbox's store (helper st-outbox: outboxInsertSql, segmentChangesInsertSql); it
// moves there once that store is on main. Memberships themselves are written by segment-memberships.store.

/**
 * Closes the old memberships, opens the new ones and writes a `segment_left` / `segment_entered` outbox row per
 * closed / opened membership that a playbook run may act on ({@link insertSegmentOutboxSql}): two statements for any
 * number of changes, all in the caller's transaction. The close is its own statement because the open ones would
 * collide with the still-open rows in the one-open-membership index (the parts of one statement run in no set
 * order); opening and its outbox rows share one.
 */
export async function writeMembershipChanges(manager: Queryable, changes: readonly MembershipChange[], context: MembershipContext): Promise<void> {
  if (!changes.length) return;
  const at = context.at.toISOString();
  const closing = changes.filter((c) => c.from !== null);
  const opening = changes.filter((c) => c.toSegmentId !== null).map((c) => ({ ...c, membershipId: randomUUID() }));
  await closeMemberships(manager, closing.map((c) => c.from!.membershipId), at, context.reason);
  // Left before entered, so a dispatcher reading in id order exits the old run before starting the new one.
  const messages = JSON.stringify([
    ...closing.map((c): OutboxMessage => ({
      kind: 'segment_left',
      payload: { leadId: c.leadId, segmentId: c.from!.segmentId, membershipId: c.from!.membershipId, leftAt: at, reason: context.reason },
    })),
    ...opening.map((c): OutboxMessage => ({
      kind: 'segment_entered',
      payload: { leadId: c.leadId, segmentId: c.toSegmentId!, membershipId: c.membershipId, enteredAt: at, triggerEventId: c.triggerEventId },
    })),
  ]);
  if (!opening.length) {
    await manager.query(insertSegmentOutboxSql('$1'), [messages]);
    return;
  }
  await openMemberships(
    manager,
    opening.map((c) => ({ membershipId: c.membershipId, leadId: c.leadId, segmentId: c.toSegmentId!, triggerEventId: c.triggerEventId })),
    { modelId: context.modelId, at, reason: context.reason },
    { sql: insertSegmentOutboxSql, param: messages },
  );
}

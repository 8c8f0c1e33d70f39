import { standardize, emptyFeatureState } from '@segflow/scoring';
import { vectorOf } from '@segflow/scoring/features';
import {
  findActiveModelId,
  listOpenMemberships,
  listRuleSegments,
  listScoringLeads,
  lockActiveModelShared,
  lockLeadsForUpdate,
  readSegmentModel,
  type Queryable,
} from '@segflow/stores';
import { writeMembershipChanges, type MembershipChange } from './membership-writer';
import { decideSegments, readWindowCounts, ruleFactsOf, ruleSegmentRefs } from './rule-segment-decision';

/** What {@link reevaluateRuleSegments} needs. */
export interface ReevaluationInput {
  now: Date;
  /** Hysteresis margin (SEGMENT_HYSTERESIS), for leads leaving a rule segment for a learned one. */
  margin: number;
  reason: 'rule_changed' | 'rule_window';
}

/**
 * Re-evaluates every lead against the live rule segments, in the caller's transaction, which must hold the model lock
 * exclusively (segment-models.store: ingest waits, so no flush decides with the old rules meanwhile). Only what the
 * rules move moves: a lead entering a rule segment, leaving one (for its first other matching rule segment, else the
 * nearest centroid), or changing rule segment by priority; a lead matching none stays in its learned segment. Reads
 * every lead (one statement), their window counts (one, only when a rule counts events) and the open memberships,
 * then writes the changes with the ingest writer (membership + outbox rows).
 */
export async function reevaluateRuleSegments(db: Queryable, input: ReevaluationInput): Promise<{ moved: number }> {
  const { changes, modelId } = await decideRuleMoves(db, 'all', input.now, input.margin);
  await writeMembershipChanges(db, changes, { modelId, at: input.now, reason: input.reason });
  return { moved: changes.length };
}

/**
 * What a lead upsert (`POST /api/leads`, a CSV import chunk) takes first in its transaction: when it may change rule
 * facts, the model lock shared, as an ingest flush does (rule changes and approvals wait); then every existing lead of
 * the batch FOR UPDATE in external id order, in one statement, so two upserts never lock in opposite orders. A flush
 * for one of them then waits and reads the new values, and one under way finishes first, so
 * {@link reevaluateLeadsRuleSegments} and ingest never decide for one lead at once nor on stale values; and the owner
 * and consent the upsert reads as "before" (owner-change audit, withdrawn consents) are those it replaces.
 */
export async function lockLeadsForUpsert(
  db: Queryable,
  externalIds: readonly string[],
  changesRuleFacts: boolean,
): Promise<void> {
  if (!externalIds.length) return;
  if (changesRuleFacts) await lockActiveModelShared(db);
  await lockLeadsForUpdate(db, externalIds);
}

/**
 * {@link reevaluateRuleSegments} for the leads a lead upsert just wrote, in its transaction, after
 * {@link lockLeadsForUpsert} (new leads need no lock: no one else sees them yet). Reads them with this
 * transaction's new values; membership and outbox rows as on ingest (reason `lead_changed`). A lead without a segment
 * that matches no rule stays without one: its first event assigns it, as before.
 */
export async function reevaluateLeadsRuleSegments(
  db: Queryable,
  leadIds: readonly string[],
  input: { now: Date; margin: number },
): Promise<{ moved: number }> {
  if (!leadIds.length) return { moved: 0 };
  const { changes, modelId } = await decideRuleMoves(db, leadIds, input.now, input.margin);
  const moved = changes.filter((c) => c.from !== null || c.byRule);
  await writeMembershipChanges(db, moved, { modelId, at: input.now, reason: 'lead_changed' });
  return { moved: moved.length };
}

/** Reads the rules, the model, the leads (all or these), their window counts and open memberships, and decides. */
async function decideRuleMoves(
  db: Queryable,
  leadIds: readonly string[] | 'all',
  now: Date,
  margin: number,
): Promise<{ changes: MembershipChange[]; modelId: string | null }> {
  const modelId = await findActiveModelId(db);
  const model = modelId === null ? null : await readSegmentModel(db, modelId);
  const rules = ruleSegmentRefs(await listRuleSegments(db));
  const leads = await listScoringLeads(db, leadIds);
  const counts = await readWindowCounts(db, leadIds, rules, now);
  const open = new Map((await listOpenMemberships(db, leadIds)).map((m) => [m.lead_id, m]));
  const changes = decideSegments(
    { rules, model, margin, relearn: false },
    leads.map((lead) => {
      const raw = vectorOf(lead.state ?? emptyFeatureState(), lead, now);
      return {
        leadId: lead.id,
        vector: model && standardize(raw, model.standardizer),
        facts: ruleFactsOf(lead, raw, counts.get(lead.id)),
      };
    }),
    open,
  );
  return { changes, modelId };
}

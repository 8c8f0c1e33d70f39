import { standardize, emptyFeatureState } from '@segflow/scoring';
import { vectorOf } from '@segflow/scoring/features';
import {
  findActiveModelId,
  listOpenMemberships,
  listRuleSegments,
  listScoringLeads,
  readSegmentModel,
  type Queryable,
} from '@segflow/stores';
import { writeMembershipChanges } from './membership-writer';
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
  const modelId = await findActiveModelId(db);
  const model = modelId === null ? null : await readSegmentModel(db, modelId);
  const rules = ruleSegmentRefs(await listRuleSegments(db));
  const leads = await listScoringLeads(db);
  const counts = await readWindowCounts(db, 'all', rules, input.now);
  const open = new Map((await listOpenMemberships(db)).map((m) => [m.lead_id, m]));
  const changes = decideSegments(
    { rules, model, margin: input.margin, relearn: false },
    leads.map((lead) => {
      const raw = vectorOf(lead.state ?? emptyFeatureState(), lead, input.now);
      return {
        leadId: lead.id,
        vector: model && standardize(raw, model.standardizer),
        facts: ruleFactsOf(lead, raw, counts.get(lead.id)),
      };
    }),
    open,
  );
  await writeMembershipChanges(db, changes, { modelId, at: input.now, reason: input.reason });
  return { moved: changes.length };
}

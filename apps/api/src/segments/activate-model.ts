import { emptyFeatureState, standardize } from '@segflow/scoring';
import {
  lockActiveModelExclusive,
  ActiveModel,
  applyGeneratedDescriptions,
  findModelStatus,
  listOpenMemberships,
  listRuleSegments,
  listScoringLeads,
  listScoringLeadsWrittenSince,
  makeModelActive,
  recordAuditEntry,
  readSegmentModel,
  readSnapshotXmin,
  type Queryable,
  type ScoringLeadRow,
} from '@segflow/stores';
import type { AuditActor } from '@segflow/api-contracts';
import { vectorOf } from '@segflow/scoring/features';
import { writeMembershipChanges } from './membership-writer';
import {
  decideSegments,
  readWindowCounts,
  ruleFactsOf,
  ruleSegmentRefs,
  type RuleLeadColumns,
} from './rule-segment-decision';

// Scoring every lead happens before the exclusive model lock; under it only the leads written since its snapshot are
// re-scored (how they are told apart: scoring-leads.store).

type LeadRow = ScoringLeadRow;

/** What {@link activateModel} needs. */
export interface ActivateModelInput {
  modelId: string;
  now: Date;
  /** Hysteresis margin (SEGMENT_HYSTERESIS). */
  margin: number;
  /** Who approved it (the system for a first model), for the audit log. */
  actor: AuditActor;
}

/** A lead scored against the candidate: its standardised vector, and what rule segments' conditions read. */
export interface ScoredLead {
  vector: number[];
  raw: number[];
  columns: RuleLeadColumns;
}

/** Every lead scored against the candidate, and the snapshot's xmin to tell which leads were written since. */
export interface ScoredLeads {
  model: ActiveModel;
  /** By lead id. */
  leads: Map<string, ScoredLead>;
  snapshotXmin: string;
}

/** Thrown when the model is not a candidate any more (approved or discarded meanwhile). */
export class ModelNotCandidateError extends Error {
  override readonly name = 'ModelNotCandidateError';
}

async function statusOf(db: Queryable, modelId: string, lock: boolean): Promise<void> {
  const status = await findModelStatus(db, modelId, { lock });
  if (status !== 'candidate')
    throw new ModelNotCandidateError(`model ${modelId} is ${status ?? 'unknown'}, not a candidate`);
}

function score(model: ActiveModel, leads: readonly LeadRow[], now: Date, into: Map<string, ScoredLead>): void {
  for (const lead of leads) {
    const raw = vectorOf(lead.state ?? emptyFeatureState(), lead, now);
    into.set(lead.id, { vector: standardize(raw, model.standardizer), raw, columns: lead });
  }
}

/**
 * Reads and scores every lead against the candidate without any lock: the CPU-heavy part of an approval. Must run
 * in a REPEATABLE READ transaction, so that the snapshot's xmin describes the snapshot the leads were read in.
 */
export async function scoreAllLeads(db: Queryable, { modelId, now }: ActivateModelInput): Promise<ScoredLeads> {
  await statusOf(db, modelId, false);
  const xmin = await readSnapshotXmin(db);
  const model = (await readSegmentModel(db, modelId))!;
  const leads = new Map<string, ScoredLead>();
  score(model, await listScoringLeads(db), now, leads);
  return { model, leads, snapshotXmin: xmin };
}

/**
 * Makes a candidate the active model and re-assigns every lead to it (with hysteresis, so leads near a boundary
 * stay; rule segments take precedence, so a lead matching one stays there), inside the caller's transaction, holding
 * the model lock exclusively: ingest flushes wait, then assign with the new model. Takes the scores of {@link scoreAllLeads} and re-scores only the leads written since its snapshot,
 * so the lock is held for that, reading the open memberships and writing the changes (a fixed number of set-based
 * statements for memberships and their outbox rows). Runs in a worker thread (activate-model.worker.ts).
 */
export async function activateModel(
  db: Queryable,
  input: ActivateModelInput,
  scored: ScoredLeads,
): Promise<{ reassigned: number }> {
  await lockActiveModelExclusive(db);
  await statusOf(db, input.modelId, true);
  await makeModelActive(db, input.modelId, input.now);
  await applyGeneratedDescriptions(db, input.modelId);
  const { model, leads } = scored;
  score(model, await listScoringLeadsWrittenSince(db, scored.snapshotXmin), input.now, leads);
  // Read under the lock: only ingest, activation and rule re-evaluation write memberships, and they wait on it now.
  const rules = ruleSegmentRefs(await listRuleSegments(db));
  const counts = await readWindowCounts(db, 'all', rules, input.now);
  const open = new Map((await listOpenMemberships(db)).map((m) => [m.lead_id, m]));
  const changes = decideSegments(
    { rules, model, margin: input.margin, relearn: true },
    [...leads].map(([leadId, lead]) => ({
      leadId,
      vector: lead.vector,
      facts: ruleFactsOf(lead.columns, lead.raw, counts.get(leadId)),
    })),
    open,
  );
  await writeMembershipChanges(db, changes, { modelId: input.modelId, at: input.now, reason: 'model_activated' });
  await recordAuditEntry(db, {
    actor: input.actor,
    action: 'segmentModel.approved',
    entityType: 'segmentModel',
    entityId: input.modelId,
    after: { status: 'active', reassigned: changes.length },
  });
  return { reassigned: changes.length };
}

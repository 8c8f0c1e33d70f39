import { assignSegment, emptyFeatureState, FeatureState, standardize } from '@segflow/scoring';
import type { Queryable } from '../database/queryable';
import { LeadFirmographicsRow, vectorOf } from '../features/lead-feature-row';
import { MembershipChange, writeMembershipChanges } from './membership-writer';
import { readSegmentModel } from './read-segment-model';
import { lockActiveModelExclusive } from './segment-model-lock';

const ALL_LEADS_SQL = `
SELECT l.id, l.industry, l.headcount, l.revenue_band, l.funding_stage, f.state, m.id AS membership_id, m.segment_id
FROM leads l
LEFT JOIN lead_features f ON f.lead_id = l.id
LEFT JOIN segment_memberships m ON m.lead_id = l.id AND m.left_at IS NULL
ORDER BY l.id`;

type LeadRow = LeadFirmographicsRow & { id: string; state: FeatureState | null; membership_id: string | null; segment_id: string | null };

/** What {@link activateModel} needs. */
export interface ActivateModelInput {
  modelId: string;
  now: Date;
  /** Hysteresis margin (SEGMENT_HYSTERESIS). */
  margin: number;
}

/** Thrown when the model is not a candidate any more (approved or discarded meanwhile). */
export class ModelNotCandidateError extends Error {
  override readonly name = 'ModelNotCandidateError';
}

async function reassignAll(db: Queryable, { modelId, now, margin }: ActivateModelInput): Promise<number> {
  const model = (await readSegmentModel(db, modelId))!;
  const leads: LeadRow[] = await db.query(ALL_LEADS_SQL);
  const changes: MembershipChange[] = [];
  for (const lead of leads) {
    const vector = standardize(vectorOf(lead.state ?? emptyFeatureState(), lead, now), model.standardizer);
    const assignment = assignSegment({ vector, centroids: model.centroids, currentSegmentId: lead.segment_id, margin });
    if (!assignment.changed) continue;
    const from = lead.membership_id && lead.segment_id ? { membershipId: lead.membership_id, segmentId: lead.segment_id } : null;
    changes.push({ leadId: lead.id, from, toSegmentId: assignment.segmentId, triggerEventId: null });
  }
  await writeMembershipChanges(db, changes, { modelId, at: now, reason: 'model_activated' });
  return changes.length;
}

/**
 * Makes a candidate the active model and re-assigns every lead to it (with hysteresis, so leads near a boundary
 * stay), inside the caller's transaction, holding the model lock exclusively: ingest flushes wait, then assign with
 * the new model. Memberships and their outbox rows are written by a fixed number of set-based statements.
 * Runs in a worker thread (activate-model.worker.ts): reading and scoring every lead is CPU-heavy at 100k leads.
 */
export async function activateModel(db: Queryable, input: ActivateModelInput): Promise<{ reassigned: number }> {
  await lockActiveModelExclusive(db);
  const [model] = await db.query(`SELECT status FROM segment_models WHERE id = $1 FOR UPDATE`, [input.modelId]);
  if (model?.status !== 'candidate') throw new ModelNotCandidateError(`model ${input.modelId} is ${model?.status ?? 'unknown'}, not a candidate`);
  await db.query(`UPDATE segment_models SET status = 'retired' WHERE status = 'active'`);
  await db.query(`UPDATE segment_models SET status = 'active', activated_at = $2, decided_at = $2 WHERE id = $1`, [input.modelId, input.now]);
  await db.query(
    `UPDATE segments s SET description = c.generated_description, updated_at = now()
     FROM segment_model_centroids c WHERE c.model_id = $1 AND c.segment_id = s.id AND NOT s.description_edited`,
    [input.modelId],
  );
  return { reassigned: await reassignAll(db, input) };
}

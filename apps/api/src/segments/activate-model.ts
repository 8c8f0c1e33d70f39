import { assignSegment, emptyFeatureState, FeatureState, standardize } from '@segflow/scoring';
import type { Queryable } from '@segflow/stores';
import { LeadFirmographicsRow, vectorOf } from '../features/lead-feature-row';
import { MembershipChange, writeMembershipChanges } from './membership-writer';
import { ActiveModel, readSegmentModel } from './read-segment-model';
import { lockActiveModelExclusive } from './segment-model-lock';

// Scoring every lead happens before the exclusive model lock; under it only the leads written since are re-scored.
// Which ones: the pre-scoring read runs in one REPEATABLE READ snapshot S and remembers S's xmin, the oldest
// transaction id still running when S was taken. A leads / lead_features row whose xmin (the transaction that wrote
// it) is not older than that is re-scored. That covers every write S could not see — ones committed after S,
// including transactions that started (and stamped updated_at = now()) before S — plus a few S did see; it needs no
// clock, so neither timestamp precision nor clock skew matters. xids are 32-bit and wrap, so the comparison is made
// with age() (distance to the current xid) rather than `>=`. A frozen row has age INT_MAX and counts as old.
const SNAPSHOT_XMIN_SQL = `SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint % 4294967296)::text AS xmin`;

const LEAD_COLUMNS = `l.id, l.industry, l.headcount, l.revenue_band, l.funding_stage, f.state`;
const LEADS_SQL = `SELECT ${LEAD_COLUMNS} FROM leads l LEFT JOIN lead_features f ON f.lead_id = l.id`;
// Lead id order, as before: memberships and outbox rows are written in a stable order.
const ALL_LEADS_SQL = `${LEADS_SQL} ORDER BY l.id`;
// Ids first, by two narrow scans, so only the few leads written since are joined to their features.
const LEADS_WRITTEN_SINCE_SQL = `${LEADS_SQL}
WHERE l.id IN (SELECT id FROM leads WHERE age(xmin) <= age($1::xid)
               UNION ALL SELECT lead_id FROM lead_features WHERE age(xmin) <= age($1::xid))`;

// Read under the lock: only ingest and activation write memberships, and ingest waits on the lock now.
const OPEN_MEMBERSHIPS_SQL = `SELECT lead_id, id AS membership_id, segment_id FROM segment_memberships WHERE left_at IS NULL`;

type LeadRow = LeadFirmographicsRow & { id: string; state: FeatureState | null };

/** What {@link activateModel} needs. */
export interface ActivateModelInput {
  modelId: string;
  now: Date;
  /** Hysteresis margin (SEGMENT_HYSTERESIS). */
  margin: number;
}

/** Every lead scored against the candidate, and the snapshot's xmin to tell which leads were written since. */
export interface ScoredLeads {
  model: ActiveModel;
  /** Standardised vectors by lead id. */
  vectors: Map<string, number[]>;
  snapshotXmin: string;
}

/** Thrown when the model is not a candidate any more (approved or discarded meanwhile). */
export class ModelNotCandidateError extends Error {
  override readonly name = 'ModelNotCandidateError';
}

async function statusOf(db: Queryable, modelId: string, lock: boolean): Promise<void> {
  const [model] = await db.query(`SELECT status FROM segment_models WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [modelId]);
  if (model?.status !== 'candidate') throw new ModelNotCandidateError(`model ${modelId} is ${model?.status ?? 'unknown'}, not a candidate`);
}

function score(model: ActiveModel, leads: readonly LeadRow[], now: Date, into: Map<string, number[]>): void {
  for (const lead of leads) into.set(lead.id, standardize(vectorOf(lead.state ?? emptyFeatureState(), lead, now), model.standardizer));
}

/**
 * Reads and scores every lead against the candidate without any lock: the CPU-heavy part of an approval. Must run
 * in a REPEATABLE READ transaction, so that the snapshot's xmin describes the snapshot the leads were read in.
 */
export async function scoreAllLeads(db: Queryable, { modelId, now }: ActivateModelInput): Promise<ScoredLeads> {
  await statusOf(db, modelId, false);
  const [{ xmin }] = await db.query(SNAPSHOT_XMIN_SQL);
  const model = (await readSegmentModel(db, modelId))!;
  const vectors = new Map<string, number[]>();
  score(model, await db.query(ALL_LEADS_SQL), now, vectors);
  return { model, vectors, snapshotXmin: xmin };
}

/**
 * Makes a candidate the active model and re-assigns every lead to it (with hysteresis, so leads near a boundary
 * stay), inside the caller's transaction, holding the model lock exclusively: ingest flushes wait, then assign with
 * the new model. Takes the scores of {@link scoreAllLeads} and re-scores only the leads written since its snapshot,
 * so the lock is held for that, reading the open memberships and writing the changes (a fixed number of set-based
 * statements for memberships and their outbox rows). Runs in a worker thread (activate-model.worker.ts).
 */
export async function activateModel(db: Queryable, input: ActivateModelInput, scored: ScoredLeads): Promise<{ reassigned: number }> {
  await lockActiveModelExclusive(db);
  await statusOf(db, input.modelId, true);
  await db.query(`UPDATE segment_models SET status = 'retired' WHERE status = 'active'`);
  await db.query(`UPDATE segment_models SET status = 'active', activated_at = $2, decided_at = $2 WHERE id = $1`, [input.modelId, input.now]);
  await db.query(
    `UPDATE segments s SET description = c.generated_description, updated_at = now()
     FROM segment_model_centroids c WHERE c.model_id = $1 AND c.segment_id = s.id AND NOT s.description_edited`,
    [input.modelId],
  );
  const { model, vectors } = scored;
  score(model, await db.query(LEADS_WRITTEN_SINCE_SQL, [scored.snapshotXmin]), input.now, vectors);
  const open: { lead_id: string; membership_id: string; segment_id: string }[] = await db.query(OPEN_MEMBERSHIPS_SQL);
  const membershipOf = new Map(open.map((m) => [m.lead_id, m]));
  const changes: MembershipChange[] = [];
  for (const [leadId, vector] of vectors) {
    const current = membershipOf.get(leadId);
    const assignment = assignSegment({ vector, centroids: model.centroids, currentSegmentId: current?.segment_id ?? null, margin: input.margin });
    if (!assignment.changed) continue;
    const from = current ? { membershipId: current.membership_id, segmentId: current.segment_id } : null;
    changes.push({ leadId, from, toSegmentId: assignment.segmentId, triggerEventId: null });
  }
  await writeMembershipChanges(db, changes, { modelId: input.modelId, at: input.now, reason: 'model_activated' });
  return { reassigned: changes.length };
}

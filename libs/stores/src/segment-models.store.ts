import type { Standardizer } from '@segflow/scoring';
import type { Queryable } from './queryable';
import { listModelCentroids } from './segment-model-centroids.store';

// Owner of `segment_models`: model versions and their lifecycle (training → candidate → active → retired, or
// discarded / failed). At most one is training (a lease renewed while it runs) and at most one is active.
// Statements whose result matters select from their UPDATE's CTE: TypeORM answers a bare UPDATE with [rows, count].

/** A stored model version, as its columns read. */
export interface SegmentModelRow<Params = unknown, Progress = unknown, Metrics = unknown> {
  id: string;
  status: string;
  params: Params;
  progress: Progress;
  metrics: Metrics | null;
  /** The propensity model trained with it (null while training, after a failure, or for older models). */
  propensity: unknown;
  /** How far the candidate drifted from the model active when it was trained; null without one. */
  drift: unknown;
  error: string | null;
  created_at: Date;
  trained_at: Date | null;
  activated_at: Date | null;
}

/**
 * Starts a training holding a lease of `leaseSeconds`; null when another training is running.
 * @example const id = await startTraining(dataSource.manager, { k: 5, seed: 42 }, 60);
 */
export async function startTraining(db: Queryable, params: object, leaseSeconds: number): Promise<string | null> {
  const [row] = await db.query(
    `INSERT INTO segment_models (status, params, training_until)
     SELECT 'training', $1, now() + $2 * interval '1 second' WHERE NOT EXISTS (SELECT 1 FROM segment_models WHERE status = 'training') RETURNING id`,
    [JSON.stringify(params), leaseSeconds],
  );
  return row?.id ?? null;
}

/**
 * Marks failed every training whose lease ran out (its API died mid-training and nobody will finish it); returns their ids.
 * @example for (const id of await failAbandonedTrainings(manager)) logger.warn(`retrain ${id} abandoned`);
 */
export async function failAbandonedTrainings(db: Queryable): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `WITH failed AS (
       UPDATE segment_models SET status = 'failed',
         error = 'training abandoned: its lease ran out (the API training it was stopped or lost the database)'
       WHERE status = 'training' AND (training_until IS NULL OR training_until < now()) RETURNING id)
     SELECT id FROM failed`,
  );
  return rows.map((r) => r.id);
}

/**
 * Extends a running training's lease by `leaseSeconds` from now.
 * @example await renewTrainingLease(manager, id, 60);
 */
export async function renewTrainingLease(db: Queryable, modelId: string, leaseSeconds: number): Promise<void> {
  await db.query(
    `UPDATE segment_models SET training_until = now() + $2 * interval '1 second' WHERE id = $1 AND status = 'training'`,
    [modelId, leaseSeconds],
  );
}

/**
 * Records a running training's progress.
 * @example await recordTrainingProgress(manager, id, { phase: 'kmeans', fraction: 0.4 });
 */
export async function recordTrainingProgress(
  db: Queryable,
  modelId: string,
  progress: { phase: string; fraction: number },
): Promise<void> {
  await db.query(`UPDATE segment_models SET progress = $2 WHERE id = $1 AND status = 'training'`, [
    modelId,
    JSON.stringify(progress),
  ]);
}

/**
 * Marks a model failed with the reason.
 * @example await markModelFailed(manager, id, error.message);
 */
export async function markModelFailed(db: Queryable, modelId: string, error: string): Promise<void> {
  await db.query(`UPDATE segment_models SET status = 'failed', error = $2 WHERE id = $1`, [modelId, error]);
}

/**
 * Makes a trained model a candidate with its standardiser, metrics, diff against the active model, its drift from it
 * (null for a first model), and its propensity model (which activates with it).
 * @example await storeCandidateModel(manager, id, { standardizer, metrics, diff, drift, propensity });
 */
export async function storeCandidateModel(
  db: Queryable,
  modelId: string,
  trained: { standardizer: object; metrics: object; diff: object; drift: object | null; propensity: object },
): Promise<void> {
  await db.query(
    `UPDATE segment_models SET status = 'candidate', standardizer = $2, metrics = $3, diff = $4, propensity = $6,
       drift = $7, trained_at = now(), progress = $5 WHERE id = $1`,
    [
      modelId,
      JSON.stringify(trained.standardizer),
      JSON.stringify(trained.metrics),
      JSON.stringify(trained.diff),
      JSON.stringify({ phase: 'done', fraction: 1 }),
      JSON.stringify(trained.propensity),
      trained.drift && JSON.stringify(trained.drift),
    ],
  );
}

/**
 * Discards a candidate; false when the model is not a candidate.
 * @example if (!(await discardCandidate(manager, id, now))) throw new ConflictException('not a candidate');
 */
export async function discardCandidate(db: Queryable, modelId: string, at: Date): Promise<boolean> {
  const rows = await db.query(
    `WITH discarded AS (UPDATE segment_models SET status = 'discarded', decided_at = $2 WHERE id = $1 AND status = 'candidate' RETURNING id)
     SELECT id FROM discarded`,
    [modelId, at],
  );
  return rows.length > 0;
}

/**
 * Retires the active model and makes this one active, as of `at` (two statements, in the caller's transaction).
 * @example await makeModelActive(manager, candidateId, now);
 */
export async function makeModelActive(db: Queryable, modelId: string, at: Date): Promise<void> {
  await db.query(`UPDATE segment_models SET status = 'retired' WHERE status = 'active'`);
  await db.query(`UPDATE segment_models SET status = 'active', activated_at = $2, decided_at = $2 WHERE id = $1`, [
    modelId,
    at,
  ]);
}

/**
 * The ids of the latest `limit` models, newest first.
 * @example const ids = await listModelIds(manager, 50);
 */
export async function listModelIds(db: Queryable, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM segment_models ORDER BY created_at DESC LIMIT $1`, [
    limit,
  ]);
  return rows.map((r) => r.id);
}

/**
 * A model by id; undefined when there is none. `id` is compared as text, so a malformed id finds none.
 * @example const model = await findModel(manager, id);
 */
export async function findModel<Params, Progress, Metrics>(
  db: Queryable,
  id: string,
): Promise<SegmentModelRow<Params, Progress, Metrics> | undefined> {
  const [row] = await db.query(`SELECT * FROM segment_models WHERE id::text = $1`, [id]);
  return row;
}

/**
 * A model's stored diff (null while training or after a failure); undefined when there is no such model.
 * @example const found = await findModelDiff(manager, id);
 */
export async function findModelDiff<Diff>(db: Queryable, id: string): Promise<{ diff: Diff | null } | undefined> {
  const [row] = await db.query(`SELECT diff FROM segment_models WHERE id::text = $1`, [id]);
  return row;
}

/**
 * A model's metrics (null before it is trained); undefined when there is no such model.
 * @example const active = await findModelMetrics(manager, activeId);
 */
export async function findModelMetrics<Metrics>(
  db: Queryable,
  id: string,
): Promise<{ metrics: Metrics | null } | undefined> {
  const [row] = await db.query(`SELECT metrics FROM segment_models WHERE id = $1`, [id]);
  return row;
}

/**
 * The active model's id, or null.
 * @example const id = await findActiveModelId(manager);
 */
export async function findActiveModelId(db: Queryable): Promise<string | null> {
  const [row] = await db.query(`SELECT id FROM segment_models WHERE status = 'active'`);
  return row?.id ?? null;
}

/**
 * A model's status (undefined: no such model); `lock` holds its row until the caller's transaction ends.
 * @example const status = await findModelStatus(manager, id, { lock: true });
 */
export async function findModelStatus(
  db: Queryable,
  modelId: string,
  { lock }: { lock: boolean },
): Promise<string | undefined> {
  const [row] = await db.query(`SELECT status FROM segment_models WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
    modelId,
  ]);
  return row?.status;
}

/** What assignment needs of a model. Centroids are standardised. */
export interface ActiveModel {
  id: string;
  standardizer: Standardizer;
  centroids: { id: string; centroid: number[] }[];
}

/**
 * A stored model's standardiser and centroids (segment ids in position order); null when there is none.
 * @example const model = await readSegmentModel(manager, modelId);
 */
export async function readSegmentModel(db: Queryable, modelId: string): Promise<ActiveModel | null> {
  const [row] = await db.query(`SELECT id, standardizer FROM segment_models WHERE id = $1`, [modelId]);
  if (!row) return null;
  return { id: row.id, standardizer: row.standardizer, centroids: await listModelCentroids(db, modelId) };
}

/**
 * The active model's propensity model as stored (null: no active model, or it has none).
 * @example const propensity = await findActivePropensity<PropensityModel>(manager);
 */
export async function findActivePropensity<Propensity>(db: Queryable): Promise<Propensity | null> {
  const [row] = await db.query(`SELECT propensity FROM segment_models WHERE status = 'active'`);
  return row?.propensity ?? null;
}

// Ingest flushes hold it shared, approval exclusively: a lead is never assigned by a model that is being replaced.
const SEGMENT_MODEL_LOCK_KEY = 517_000_001;

/**
 * Taken by every ingest transaction before it reads the active model; held until the transaction ends.
 * @example await lockActiveModelShared(manager);
 */
export async function lockActiveModelShared(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock_shared($1)', [SEGMENT_MODEL_LOCK_KEY]);
}

/**
 * Taken by the transaction that activates a model and writes the reassignment (in a worker thread, see
 * apps/api activate-model.ts), and by rule-segment re-evaluation; held until the transaction ends.
 * @example await lockActiveModelExclusive(manager);
 */
export async function lockActiveModelExclusive(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [SEGMENT_MODEL_LOCK_KEY]);
}

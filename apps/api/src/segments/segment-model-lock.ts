import type { Queryable } from '@segflow/stores';

// Ingest flushes hold it shared, approval exclusively: a lead is never assigned by a model that is being replaced.
const SEGMENT_MODEL_LOCK_KEY = 517_000_001;

/** Taken by every ingest transaction before it reads the active model. */
export async function lockActiveModelShared(manager: Queryable): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [SEGMENT_MODEL_LOCK_KEY]);
}

/** Taken by the transaction that activates a model and writes the reassignment (in a worker thread, see activate-model.ts). */
export async function lockActiveModelExclusive(manager: Queryable): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [SEGMENT_MODEL_LOCK_KEY]);
}

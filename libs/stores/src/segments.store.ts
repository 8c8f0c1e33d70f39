import type { Queryable } from './queryable';

// Owner of `segments`: a segment's editable label (name, description, colour). Segments are created with the model
// that first has them and outlive it; an edited description is never overwritten by a generated one.

/** A new segment, for {@link insertSegments}. */
export interface SegmentInput {
  id: string;
  name: string;
  description: string;
  colour: string;
}

/**
 * Creates segments in one statement.
 * @example await insertSegments(manager, [{ id, name: 'Engaged SaaS', description: '…', colour: '#2a9d8f' }]);
 */
export async function insertSegments(db: Queryable, segments: readonly SegmentInput[]): Promise<void> {
  if (!segments.length) return;
  await db.query(
    `INSERT INTO segments (id, name, description, colour) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
    [
      segments.map((s) => s.id),
      segments.map((s) => s.name),
      segments.map((s) => s.description),
      segments.map((s) => s.colour),
    ],
  );
}

/** A segment's label. */
export type SegmentLabelRow = SegmentInput;

/**
 * Applies a label edit (omitted fields keep their value; an edited description is marked so activation keeps it);
 * undefined when there is no such segment. `id` is compared as text, so a malformed id finds none instead of failing.
 * @example const label = await updateSegmentLabel(manager, id, { name: 'Hot SaaS' });
 */
export async function updateSegmentLabel(
  db: Queryable,
  id: string,
  patch: { name?: string; description?: string; colour?: string },
): Promise<SegmentLabelRow | undefined> {
  // Selected from a CTE so every Queryable returns rows (TypeORM answers a bare UPDATE with [rows, count]).
  const [row] = await db.query(
    `WITH updated AS (
       UPDATE segments SET name = COALESCE($2, name), description = COALESCE($3, description), colour = COALESCE($4, colour),
         description_edited = description_edited OR $3 IS NOT NULL, updated_at = now()
       WHERE id::text = $1 RETURNING id, name, description, colour)
     SELECT * FROM updated`,
    [id, patch.name ?? null, patch.description ?? null, patch.colour ?? null],
  );
  return row;
}

/**
 * The names of these segments.
 * @example const names = await listSegmentNames(manager, ids);
 */
export function listSegmentNames(db: Queryable, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  return db.query(`SELECT id, name FROM segments WHERE id = ANY($1::uuid[])`, [ids]);
}

/**
 * The colours of the segments of the active and the candidate model, which a new segment should not reuse.
 * @example const used = await listColoursInUse(manager);
 */
export async function listColoursInUse(db: Queryable): Promise<string[]> {
  const rows: { colour: string }[] = await db.query(
    `SELECT DISTINCT s.colour FROM segments s JOIN segment_model_centroids c ON c.segment_id = s.id JOIN segment_models m ON m.id = c.model_id WHERE m.status IN ('active', 'candidate')`,
  );
  return rows.map((r) => r.colour);
}

/**
 * Gives the model's segments the descriptions it generated, except those a user edited.
 * @example await applyGeneratedDescriptions(manager, modelId);
 */
export async function applyGeneratedDescriptions(db: Queryable, modelId: string): Promise<void> {
  await db.query(
    `UPDATE segments s SET description = c.generated_description, updated_at = now()
     FROM segment_model_centroids c WHERE c.model_id = $1 AND c.segment_id = s.id AND NOT s.description_edited`,
    [modelId],
  );
}

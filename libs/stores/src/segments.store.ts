import type { SegmentRule } from '@segflow/scoring';
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
 * The colours of the segments of the active and the candidate model and of the live rule segments, which a new
 * segment should not reuse.
 * @example const used = await listColoursInUse(manager);
 */
export async function listColoursInUse(db: Queryable): Promise<string[]> {
  const rows: { colour: string }[] = await db.query(
    `SELECT s.colour FROM segments s JOIN segment_model_centroids c ON c.segment_id = s.id JOIN segment_models m ON m.id = c.model_id WHERE m.status IN ('active', 'candidate')
     UNION SELECT colour FROM segments WHERE kind = 'rule' AND archived_at IS NULL`,
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

// Rule segments (kind 'rule'): defined by ops with a rule, no model owns them; retrains and activations never touch
// these rows. A deleted one is archived, not removed: memberships keep referencing it.

/** A live rule segment; `rule` is a libs/scoring SegmentRule (validated before it is stored). */
export interface RuleSegmentRow {
  id: string;
  name: string;
  description: string;
  colour: string;
  rule: SegmentRule;
  priority: number;
}

const RULE_COLUMNS = `id, name, description, colour, rule, priority`;

/**
 * The live rule segments in priority order (lower first; ties by creation).
 * @example const rules = await listRuleSegments(manager);
 */
export function listRuleSegments(db: Queryable): Promise<RuleSegmentRow[]> {
  return db.query(
    `SELECT ${RULE_COLUMNS} FROM segments WHERE kind = 'rule' AND archived_at IS NULL ORDER BY priority, created_at, id`,
  );
}

/**
 * Creates a rule segment; without a priority it goes after the others.
 * @example await insertRuleSegment(manager, { id, name: 'Pricing lurkers', description: '', colour: '#e76f51', rule });
 */
export async function insertRuleSegment(
  db: Queryable,
  segment: SegmentInput & { rule: SegmentRule; priority?: number },
): Promise<RuleSegmentRow> {
  const [row] = await db.query(
    `INSERT INTO segments (id, name, description, description_edited, colour, kind, rule, priority)
     SELECT $1::uuid, $2, $3, true, $4, 'rule', $5::jsonb, COALESCE($6::int, (SELECT COALESCE(max(priority), 0) + 1 FROM segments WHERE kind = 'rule' AND archived_at IS NULL))
     RETURNING ${RULE_COLUMNS}`,
    [
      segment.id,
      segment.name,
      segment.description,
      segment.colour,
      JSON.stringify(segment.rule),
      segment.priority ?? null,
    ],
  );
  return row;
}

/**
 * Edits a live rule segment (omitted fields keep their value); undefined when there is none. `id` compared as text.
 * @example await updateRuleSegment(manager, id, { priority: 1 });
 */
export async function updateRuleSegment(
  db: Queryable,
  id: string,
  patch: { name?: string; description?: string; colour?: string; rule?: SegmentRule; priority?: number },
): Promise<RuleSegmentRow | undefined> {
  const [row] = await db.query(
    `WITH updated AS (
       UPDATE segments SET name = COALESCE($2, name), description = COALESCE($3, description), colour = COALESCE($4, colour),
         rule = COALESCE($5::jsonb, rule), priority = COALESCE($6::int, priority), updated_at = now()
       WHERE id::text = $1 AND kind = 'rule' AND archived_at IS NULL RETURNING ${RULE_COLUMNS})
     SELECT * FROM updated`,
    [
      id,
      patch.name ?? null,
      patch.description ?? null,
      patch.colour ?? null,
      patch.rule ? JSON.stringify(patch.rule) : null,
      patch.priority ?? null,
    ],
  );
  return row;
}

/**
 * Archives a live rule segment (its memberships and their history stay); undefined when there is none.
 * @example await archiveRuleSegment(manager, id);
 */
export async function archiveRuleSegment(db: Queryable, id: string): Promise<RuleSegmentRow | undefined> {
  const [row] = await db.query(
    `WITH archived AS (
       UPDATE segments SET archived_at = now(), updated_at = now()
       WHERE id::text = $1 AND kind = 'rule' AND archived_at IS NULL RETURNING ${RULE_COLUMNS})
     SELECT * FROM archived`,
    [id],
  );
  return row;
}

import type { BusinessCalendar } from '@segflow/sla';
import type { Queryable } from './queryable';

/** A first-touch SLA policy: one per segment, optionally one per (segment, playbook) that overrides it. */
export interface SlaPolicyRow {
  id: string;
  segment_id: string;
  playbook_id: string | null;
  first_touch_minutes: number;
  clock: 'wall' | 'business';
  calendar: BusinessCalendar | null;
  reassign_on_breach: boolean;
}

export type SlaPolicyFields = Omit<SlaPolicyRow, 'id'>;

const COLUMNS = 'id, segment_id, playbook_id, first_touch_minutes, clock, calendar, reassign_on_breach';
const valuesOf = (p: SlaPolicyFields) => [
  p.segment_id,
  p.playbook_id,
  p.first_touch_minutes,
  p.clock,
  p.calendar && JSON.stringify(p.calendar),
  p.reassign_on_breach,
];

/** Every policy, by segment, the segment-wide one first. */
export function listSlaPolicies(db: Queryable): Promise<SlaPolicyRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM sla_policies ORDER BY segment_id, playbook_id NULLS FIRST`);
}

/** Inserts a policy; a second one for the same segment (and playbook) fails with a unique violation (23505). */
export async function insertSlaPolicy(db: Queryable, policy: SlaPolicyFields): Promise<SlaPolicyRow> {
  const [row]: SlaPolicyRow[] = await db.query(
    `INSERT INTO sla_policies (segment_id, playbook_id, first_touch_minutes, clock, calendar, reassign_on_breach)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    valuesOf(policy),
  );
  return row!;
}

/** Replaces every field of the policy; undefined when there is none. */
export async function updateSlaPolicy(
  db: Queryable,
  id: string,
  policy: SlaPolicyFields,
): Promise<SlaPolicyRow | undefined> {
  const [row]: SlaPolicyRow[] = await db.query(
    `WITH changed AS (
       UPDATE sla_policies SET segment_id = $2, playbook_id = $3, first_touch_minutes = $4, clock = $5, calendar = $6,
              reassign_on_breach = $7, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS})
     SELECT * FROM changed`,
    [id, ...valuesOf(policy)],
  );
  return row;
}

/** Deletes the policy; false when there was none. */
export async function deleteSlaPolicy(db: Queryable, id: string): Promise<boolean> {
  const [{ deleted }]: { deleted: number }[] = await db.query(
    `WITH gone AS (DELETE FROM sla_policies WHERE id = $1 RETURNING id) SELECT count(*)::int AS deleted FROM gone`,
    [id],
  );
  return deleted > 0;
}

/**
 * The policy, locked for the caller's transaction (the audit log records it as it was before an edit); null when absent.
 * @example const before = await lockSlaPolicy(manager, id);
 */
export async function lockSlaPolicy(db: Queryable, id: string): Promise<SlaPolicyRow | null> {
  const rows: SlaPolicyRow[] = await db.query(`SELECT ${COLUMNS} FROM sla_policies WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

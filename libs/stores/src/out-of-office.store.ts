import type { Queryable } from './queryable';

/** A period `[startsAt, endsAt)` in which a rep takes no new leads. */
export interface OutOfOfficeRow {
  id: string;
  repId: string;
  startsAt: Date;
  endsAt: Date;
  note: string | null;
}

const COLUMNS = `id, rep_id AS "repId", starts_at AS "startsAt", ends_at AS "endsAt", note`;

export async function insertOutOfOffice(db: Queryable, period: Omit<OutOfOfficeRow, 'id'>): Promise<OutOfOfficeRow> {
  const [row]: OutOfOfficeRow[] = await db.query(
    `INSERT INTO out_of_office (rep_id, starts_at, ends_at, note) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [period.repId, period.startsAt, period.endsAt, period.note],
  );
  return row!;
}

/** The rep's periods that end after `after`, earliest first. */
export function listOutOfOfficeEndingAfter(db: Queryable, repId: string, after: Date): Promise<OutOfOfficeRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM out_of_office WHERE rep_id = $1 AND ends_at > $2 ORDER BY starts_at`, [
    repId,
    after,
  ]);
}

/** Deletes the period if it is the rep's (another rep's period id changes nothing). */
export async function deleteOutOfOffice(db: Queryable, repId: string, id: string): Promise<void> {
  await db.query(`DELETE FROM out_of_office WHERE id = $1 AND rep_id = $2`, [id, repId]);
}

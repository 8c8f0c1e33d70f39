import type { Playbook } from '@segflow/playbook';
import type { Queryable } from './queryable';

/** Owner of `playbook_versions`: immutable published snapshots (DESIGN invariant 5), inserted and never updated. */

export interface PlaybookVersionRow {
  id: string;
  playbookId: string;
  version: number;
  graph: Playbook;
  /** `eventTypesHeardBy(graph)`: the only lead events this version's runs are signalled. */
  heardEventTypes: string[];
  note: string | null;
  publishedAt: Date;
  publishedBy: string | null;
}

const VERSION_COLUMNS = `id, playbook_id AS "playbookId", version, graph, heard_event_types AS "heardEventTypes", note,
  published_at AS "publishedAt", published_by AS "publishedBy"`;

/**
 * Publishes `graph` as the playbook's next version (one more than its latest); call it with the playbook's row
 * locked, so two publishes never take the same number.
 *
 * @example
 * const v = await insertNextVersion(manager, { playbookId, graph, heardEventTypes: eventTypesHeardBy(graph), note: null, publishedBy: 'u1' });
 */
export async function insertNextVersion(
  q: Queryable,
  v: Pick<PlaybookVersionRow, 'playbookId' | 'graph' | 'heardEventTypes' | 'note' | 'publishedBy'>,
): Promise<PlaybookVersionRow> {
  const [{ next }]: Array<{ next: number }> = await q.query(
    `SELECT COALESCE(max(version), 0) + 1 AS next FROM playbook_versions WHERE playbook_id = $1`,
    [v.playbookId],
  );
  const rows: PlaybookVersionRow[] = await q.query(
    `INSERT INTO playbook_versions (playbook_id, version, graph, heard_event_types, note, published_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${VERSION_COLUMNS}`,
    [v.playbookId, next, JSON.stringify(v.graph), v.heardEventTypes, v.note, v.publishedBy],
  );
  return rows[0]!;
}

/** The playbook's version `version`, or null. */
export async function findVersion(
  q: Queryable,
  playbookId: string,
  version: number,
): Promise<PlaybookVersionRow | null> {
  const rows: PlaybookVersionRow[] = await q.query(
    `SELECT ${VERSION_COLUMNS} FROM playbook_versions WHERE playbook_id = $1 AND version = $2`,
    [playbookId, version],
  );
  return rows[0] ?? null;
}

/** The version with this id, or null. */
export async function findVersionById(q: Queryable, id: string): Promise<PlaybookVersionRow | null> {
  const rows: PlaybookVersionRow[] = await q.query(`SELECT ${VERSION_COLUMNS} FROM playbook_versions WHERE id = $1`, [
    id,
  ]);
  return rows[0] ?? null;
}

/** The playbook's versions, newest first. */
export function listVersions(q: Queryable, playbookId: string): Promise<PlaybookVersionRow[]> {
  return q.query(`SELECT ${VERSION_COLUMNS} FROM playbook_versions WHERE playbook_id = $1 ORDER BY version DESC`, [
    playbookId,
  ]);
}

/** A version runs use or may start on, with its playbook's name (for messages that name it). */
export interface LiveVersion {
  playbookId: string;
  playbookName: string;
  version: number;
  graph: Playbook;
}

/** Each playbook's latest version (new runs start on it once active) and every version with an active run. */
export function listLiveVersions(q: Queryable): Promise<LiveVersion[]> {
  return q.query(
    `SELECT v.playbook_id AS "playbookId", p.name AS "playbookName", v.version, v.graph
       FROM playbook_versions v JOIN playbooks p ON p.id = v.playbook_id
      WHERE v.version = (SELECT max(l.version) FROM playbook_versions l WHERE l.playbook_id = v.playbook_id)
         OR EXISTS (SELECT 1 FROM runs r
                     WHERE r.playbook_id = v.playbook_id AND r.playbook_version = v.version AND r.status = 'active')
      ORDER BY p.name, v.version`,
  );
}

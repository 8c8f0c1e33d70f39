import type { Playbook } from '@segflow/playbook';
import type { Queryable } from './queryable';
import { returnedRows } from './returned-rows';

/** Owner of `playbooks`: drafts (optimistic revisions) and lifecycle status. */

export type PlaybookStatus = 'draft' | 'active' | 'paused';

/** A playbook: its editable draft (with an optimistic-lock revision) and lifecycle status. */
export interface PlaybookRow {
  id: string;
  name: string;
  description: string;
  status: PlaybookStatus;
  /** Stored as sent by the editor (it may not validate yet); only `playbookSchema`-shaped graphs are accepted. */
  draft: Playbook;
  draftRevision: number;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
}

const PLAYBOOK_COLUMNS = `id, name, description, status, draft, draft_revision AS "draftRevision", created_at AS "createdAt",
  updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/** Every playbook, most recently updated first. */
export function listPlaybooks(q: Queryable): Promise<PlaybookRow[]> {
  return q.query(`SELECT ${PLAYBOOK_COLUMNS} FROM playbooks ORDER BY updated_at DESC`);
}

/** The playbook with this id, or null. */
export async function findPlaybook(q: Queryable, id: string): Promise<PlaybookRow | null> {
  const rows: PlaybookRow[] = await q.query(`SELECT ${PLAYBOOK_COLUMNS} FROM playbooks WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** The playbook with this id, its row locked for the caller's transaction (a publish); null when absent. */
export async function lockPlaybook(q: Queryable, id: string): Promise<PlaybookRow | null> {
  const rows: PlaybookRow[] = await q.query(`SELECT ${PLAYBOOK_COLUMNS} FROM playbooks WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

/**
 * Creates a draft playbook and returns its id.
 *
 * @example
 * const id = await insertPlaybook(manager, { name: 'Welcome', description: '', draft, updatedBy: 'u1' });
 */
export async function insertPlaybook(
  q: Queryable,
  playbook: { name: string; description: string; draft: Playbook; updatedBy: string | null },
): Promise<string> {
  const [row]: Array<{ id: string }> = await q.query(
    `INSERT INTO playbooks (name, description, draft, updated_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [playbook.name, playbook.description, JSON.stringify(playbook.draft), playbook.updatedBy],
  );
  return row!.id;
}

/** Saves the draft if `revision` is the current one; returns the new revision, or null when it was stale (or absent). */
export async function saveDraft(
  q: Queryable,
  id: string,
  draft: unknown,
  revision: number,
  actor: string | null,
): Promise<number | null> {
  const result: unknown[] = await q.query(
    `UPDATE playbooks SET draft = $2, draft_revision = draft_revision + 1, updated_at = now(), updated_by = $4
     WHERE id = $1 AND draft_revision = $3 RETURNING draft_revision`,
    [id, JSON.stringify(draft), revision, actor],
  );
  return returnedRows<{ draft_revision: number }>(result)[0]?.draft_revision ?? null;
}

/** Replaces the draft whatever its revision (a restored version); returns the new revision, null when absent. */
export async function replaceDraft(
  q: Queryable,
  id: string,
  draft: unknown,
  actor: string | null,
): Promise<number | null> {
  const result: unknown[] = await q.query(
    `UPDATE playbooks SET draft = $2, draft_revision = draft_revision + 1, updated_at = now(), updated_by = $3 WHERE id = $1 RETURNING draft_revision`,
    [id, JSON.stringify(draft), actor],
  );
  return returnedRows<{ draft_revision: number }>(result)[0]?.draft_revision ?? null;
}

/** Sets the lifecycle status (first publish, pause, resume) as of `at`. */
export async function setPlaybookStatus(q: Queryable, id: string, status: PlaybookStatus, at: Date): Promise<void> {
  await q.query(`UPDATE playbooks SET status = $2, updated_at = $3 WHERE id = $1`, [id, status, at]);
}

/** Records who changed the playbook last, and when (a publish). */
export async function touchPlaybook(q: Queryable, id: string, actor: string | null, at: Date): Promise<void> {
  await q.query(`UPDATE playbooks SET updated_at = $3, updated_by = $2 WHERE id = $1`, [id, actor, at]);
}

/** Aggregates joined onto a playbook for its summary. */
export interface PlaybookStats {
  segmentId: string | null;
  holdoutPercent: number;
  publishedVersion: number | null;
  activeRuns: number;
  convertedRuns: number;
}

/** The stats of each playbook of `ids` (its binding, latest version and run counts), by playbook id. */
export async function playbookStatsOf(q: Queryable, ids: readonly string[]): Promise<Map<string, PlaybookStats>> {
  if (ids.length === 0) return new Map();
  const rows: Array<PlaybookStats & { id: string }> = await q.query(
    `SELECT p.id,
            b.segment_id AS "segmentId", COALESCE(b.holdout_percent, 0) AS "holdoutPercent",
            (SELECT max(v.version) FROM playbook_versions v WHERE v.playbook_id = p.id) AS "publishedVersion",
            (SELECT count(*) FROM runs r WHERE r.playbook_id = p.id AND r.status = 'active')::int AS "activeRuns",
            (SELECT count(*) FROM runs r WHERE r.playbook_id = p.id AND r.status = 'converted')::int AS "convertedRuns"
     FROM playbooks p LEFT JOIN segment_bindings b ON b.playbook_id = p.id
     WHERE p.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map(({ id, ...stats }) => [id, stats]));
}

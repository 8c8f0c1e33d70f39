import type { Queryable } from './queryable';

/** Owner of `segment_bindings`: which segment starts a playbook, and the share of entrants held out as a control group. */

export interface SegmentBinding {
  segmentId: string;
  holdoutPercent: number;
}

/** The playbook's binding, or null when it is bound to no segment. */
export async function findBinding(q: Queryable, playbookId: string): Promise<SegmentBinding | null> {
  const rows: SegmentBinding[] = await q.query(
    `SELECT segment_id AS "segmentId", holdout_percent AS "holdoutPercent" FROM segment_bindings WHERE playbook_id = $1`,
    [playbookId],
  );
  return rows[0] ?? null;
}

/**
 * The other playbook bound to the segment, its binding locked for the caller's transaction (one playbook per
 * segment); null when the segment is free or bound to `playbookId` itself.
 */
export async function lockOtherBindingOf(
  q: Queryable,
  segmentId: string,
  playbookId: string,
): Promise<{ id: string; name: string } | null> {
  const rows: Array<{ id: string; name: string }> = await q.query(
    `SELECT p.id, p.name FROM segment_bindings b JOIN playbooks p ON p.id = b.playbook_id WHERE b.segment_id = $1 AND b.playbook_id <> $2 FOR UPDATE OF b`,
    [segmentId, playbookId],
  );
  return rows[0] ?? null;
}

/**
 * Binds the playbook to the segment (replacing its binding); a segment bound to another playbook fails on the
 * unique index (23505).
 *
 * @example
 * await bindPlaybook(manager, playbookId, { segmentId: 'hot-leads', holdoutPercent: 10 });
 */
export async function bindPlaybook(q: Queryable, playbookId: string, binding: SegmentBinding): Promise<void> {
  await q.query(
    `INSERT INTO segment_bindings (playbook_id, segment_id, holdout_percent) VALUES ($1, $2, $3)
     ON CONFLICT (playbook_id) DO UPDATE SET segment_id = EXCLUDED.segment_id, holdout_percent = EXCLUDED.holdout_percent, updated_at = now()`,
    [playbookId, binding.segmentId, binding.holdoutPercent],
  );
}

/** Unbinds the playbook from its segment, if any. */
export async function unbindPlaybook(q: Queryable, playbookId: string): Promise<void> {
  await q.query(`DELETE FROM segment_bindings WHERE playbook_id = $1`, [playbookId]);
}

/** What dashboard numbers are grouped by. */
export const DIMENSIONS = ['segment', 'playbook', 'rep', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * The SQL key of a dimension in each source: SLA clocks (`c`), sent touches with their run (`t`, `r`), and outcome
 * events with the run that was active when they happened (`e`, `r`, lead `l`). A closed set of expressions,
 * chosen by the validated enum, so no request text ever reaches the SQL.
 */
export const DIMENSION_SQL: Record<Dimension, { clock: string; touch: string; event: string; label: string }> = {
  segment: {
    clock: 'c.segment_id::text',
    touch: 'r.segment_id',
    event: 'r.segment_id',
    label: `(SELECT s.name FROM segments s WHERE s.id::text = k.key)`,
  },
  playbook: {
    clock: `c.playbook_id::text || ':v' || c.playbook_version`,
    touch: `r.playbook_id::text || ':v' || r.playbook_version`,
    event: `r.playbook_id::text || ':v' || r.playbook_version`,
    label: `(SELECT p.name || ' ' || split_part(k.key, ':', 2) FROM playbooks p WHERE p.id::text = split_part(k.key, ':', 1))`,
  },
  rep: {
    clock: 'c.rep_id',
    touch: `t.sender->>'ownerId'`,
    event: 'l.owner_id',
    label: `(SELECT rp.name FROM reps rp WHERE rp.id = k.key)`,
  },
  channel: {
    clock: 'c.channel',
    touch: 't.channel',
    event: `CASE WHEN e.type LIKE '%\\_reply' THEN split_part(e.type, '_', 1) END`,
    label: 'k.key',
  },
};

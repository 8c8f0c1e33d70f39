/** What dashboard numbers are grouped by. */
export const DIMENSIONS = ['segment', 'playbook', 'rep', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * The SQL key of a dimension in each source: SLA clocks (`c`), and the touch / outcome roll-ups and facts (`x`, with
 * columns segment_id, playbook_id, playbook_version, rep_id, channel). A closed set of expressions, chosen by the
 * validated enum, so no request text ever reaches the SQL.
 */
export const DIMENSION_SQL: Record<Dimension, { clock: string; fact: string; label: string }> = {
  segment: {
    clock: 'c.segment_id::text',
    fact: 'x.segment_id',
    label: `(SELECT s.name FROM segments s WHERE s.id::text = k.key)`,
  },
  playbook: {
    clock: `c.playbook_id::text || ':v' || c.playbook_version`,
    fact: `x.playbook_id::text || ':v' || x.playbook_version`,
    label: `(SELECT p.name || ' ' || split_part(k.key, ':', 2) FROM playbooks p WHERE p.id::text = split_part(k.key, ':', 1))`,
  },
  rep: {
    clock: 'c.rep_id',
    fact: 'x.rep_id',
    label: `(SELECT rp.name FROM reps rp WHERE rp.id = k.key)`,
  },
  channel: {
    clock: 'c.channel',
    fact: 'x.channel',
    label: 'k.key',
  },
};

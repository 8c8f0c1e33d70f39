import type { LiftRow, SplitArmRow, SummaryRow } from '@segflow/api-contracts';
import type { ArmCounts } from '@segflow/scoring';
import type { Queryable } from './queryable';

/** What dashboard numbers are grouped by. */
export const DIMENSIONS = ['segment', 'playbook', 'rep', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * The SQL key of a dimension in each source: SLA clocks (`c`), and the touch / outcome roll-ups and facts (`x`, with
 * columns segment_id, playbook_id, playbook_version, rep_id, channel). A closed set of expressions, chosen by the
 * validated enum, so no request text ever reaches the SQL.
 */
const DIMENSION_SQL: Record<Dimension, { clock: string; fact: string; label: string }> = {
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

/** The SQL keys of a dimension; anything but one of {@link DIMENSIONS} is refused, so no caller text reaches the SQL. */
function dimensionSql(dimension: Dimension): { clock: string; fact: string; label: string } {
  if (!(DIMENSIONS as readonly string[]).includes(dimension))
    throw new Error(`unknown dashboard dimension ${JSON.stringify(dimension)}`);
  return DIMENSION_SQL[dimension];
}

// Whether a clock is breached: touched after its due time, or still untouched past it ($3 = now).
const BREACHED = `(c.first_touch_at > c.due_at OR (c.first_touch_at IS NULL AND c.due_at < $3))`;
// A clock counts towards the breach rate once its outcome is known (touched, or past due).
const DECIDED = `(c.first_touch_at IS NOT NULL OR c.due_at < $3)`;

/** Rows of a per-day roll-up in the whole UTC days `[$4, $5)` plus the raw facts of the partial days around them. */
const daysAndEdges = (rollup: string, facts: string, columns: string) => `
  SELECT ${columns} FROM ${rollup} WHERE day >= ($4::timestamptz AT TIME ZONE 'UTC')::date AND day < ($5::timestamptz AT TIME ZONE 'UTC')::date
  UNION ALL SELECT ${columns} FROM ${facts} WHERE at >= $1 AND at < $4
  UNION ALL SELECT ${columns} FROM ${facts} WHERE at >= $5 AND at < $2`;
const KEYS = 'segment_id, playbook_id, playbook_version, rep_id, channel';

/**
 * Every dashboard number for one dimension over entries/touches/events in `[$1, $2)`, aggregated in Postgres:
 * TTFT p50/p90 (percentile_cont, ms), system and human delay medians, breach rate, touches sent, replies,
 * meetings and conversions. `$4`/`$5` bound the whole UTC days inside the range (see wholeDays).
 * Percentiles are not summable, so they come from the SLA clocks (one row per segment entry). Touches and outcome
 * events come from the per-day roll-ups the migration AddDashboardRollups keeps by trigger, plus the raw rows of the
 * partial days at the edges, so any instant range stays exact. Outcome events count under the lead's latest
 * (non-holdout) run when they came after its start, rep = the lead's owner.
 */
function summarySql(dimension: Dimension): string {
  const d = dimensionSql(dimension);
  return `
WITH clocks AS (
  SELECT ${d.clock} AS key, count(*)::int AS entries, count(c.first_touch_at)::int AS touched,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY c.ttft_ms) AS ttft_p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY c.ttft_ms) AS ttft_p90,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY c.system_delay_ms) AS system_p50, percentile_cont(0.5) WITHIN GROUP (ORDER BY c.human_delay_ms) AS human_p50,
         count(*) FILTER (WHERE ${BREACHED})::int AS breaches, count(*) FILTER (WHERE ${DECIDED})::int AS decided
    FROM sla_clocks c WHERE c.entered_at >= $1 AND c.entered_at < $2 GROUP BY 1),
sent AS (
  SELECT ${d.fact} AS key, sum(x.touches)::int AS touches
    FROM (${daysAndEdges('dashboard_touch_days', 'dashboard_touch_facts', `${KEYS}, touches`)}) x
   GROUP BY 1 HAVING sum(x.touches) > 0),
outcomes AS (
  SELECT ${d.fact} AS key, sum(x.replies)::int AS replies, sum(x.meetings)::int AS meetings, sum(x.conversions)::int AS conversions
    FROM (${daysAndEdges('dashboard_outcome_days', 'dashboard_outcome_facts', `${KEYS}, replies, meetings, conversions`)}) x
   GROUP BY 1 HAVING sum(x.replies + x.meetings + x.conversions) > 0),
k AS (SELECT key FROM clocks UNION SELECT key FROM sent UNION SELECT key FROM outcomes)
SELECT k.key, COALESCE(${d.label}, k.key, '(none)') AS label,
       COALESCE(c.entries, 0) AS entries, COALESCE(c.touched, 0) AS touched,
       c.ttft_p50 AS "ttftP50Ms", c.ttft_p90 AS "ttftP90Ms", c.system_p50 AS "systemDelayP50Ms", c.human_p50 AS "humanDelayP50Ms",
       COALESCE(c.breaches, 0) AS breaches, CASE WHEN c.decided > 0 THEN c.breaches::float8 / c.decided END AS "breachRate",
       COALESCE(s.touches, 0) AS touches, COALESCE(o.replies, 0) AS replies, COALESCE(o.meetings, 0) AS meetings,
       COALESCE(o.conversions, 0) AS conversions
  FROM k LEFT JOIN clocks c ON c.key IS NOT DISTINCT FROM k.key
         LEFT JOIN sent s ON s.key IS NOT DISTINCT FROM k.key
         LEFT JOIN outcomes o ON o.key IS NOT DISTINCT FROM k.key
 ORDER BY entries DESC, touches DESC, label`;
}

/**
 * Entries, TTFT and breach rate per `$4` bucket (hour, day, week) in `[$1, $2)`; `$5`/`$6` optional segment/rep
 * filters; with a dimension, only the clocks whose key is `$7` (one summary row's, as in the drill-down).
 */
function trendSql(dimension: Dimension | null): string {
  const row = dimension ? `AND ${dimensionSql(dimension).clock} IS NOT DISTINCT FROM $7` : '';
  return `
SELECT date_trunc($4, c.entered_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket, count(*)::int AS entries,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY c.ttft_ms) AS "ttftP50Ms", percentile_cont(0.9) WITHIN GROUP (ORDER BY c.ttft_ms) AS "ttftP90Ms",
       CASE WHEN count(*) FILTER (WHERE ${DECIDED}) > 0 THEN (count(*) FILTER (WHERE ${BREACHED}))::float8 / count(*) FILTER (WHERE ${DECIDED}) END AS "breachRate"
  FROM sla_clocks c
 WHERE c.entered_at >= $1 AND c.entered_at < $2 AND ($5::text IS NULL OR c.segment_id::text = $5) AND ($6::text IS NULL OR c.rep_id = $6)
   ${row}
 GROUP BY 1 ORDER BY 1`;
}

/** The leads behind a number: SLA clocks in `[$1, $2)` whose dimension key is `$4` (null = none), newest first. */
function drillDownSql(dimension: Dimension): string {
  return `
SELECT l.id AS "leadId", COALESCE(l.name, l.external_id) AS "leadName", l.company, c.segment_id AS "segmentId", sg.name AS "segmentName",
       c.rep_id AS "repId", rp.name AS "repName", c.playbook_id AS "playbookId", c.playbook_version AS "playbookVersion", c.channel,
       c.entered_at AS "enteredAt", c.due_at AS "dueAt", c.first_touch_at AS "firstTouchAt", c.first_touch_kind AS "firstTouchKind",
       c.ttft_ms AS "ttftMs", c.system_delay_ms AS "systemDelayMs", c.human_delay_ms AS "humanDelayMs", ${BREACHED} AS breached
  FROM sla_clocks c JOIN leads l ON l.id = c.lead_id
  LEFT JOIN segments sg ON sg.id = c.segment_id LEFT JOIN reps rp ON rp.id = c.rep_id
 WHERE c.entered_at >= $1 AND c.entered_at < $2 AND ${dimensionSql(dimension).clock} IS NOT DISTINCT FROM $4
   AND ($5::boolean IS NULL OR ${BREACHED} = $5)
 ORDER BY c.entered_at DESC LIMIT $6`;
}

// Lift and A/B splits judge every arm on one outcome definition, counted from the events alone (never from how a run
// ended, which only treated leads have): from the moment of exposure on (the run's start; for a split, the moment the
// run took its arm), a lead converted on an event of the vocabulary's `conversion` class (a purchase) or any event its
// playbook version converts on (its goal events and its goal nodes' events), booked a meeting on a `meeting` event, and
// replied on a `reply` event (`segflow_event_outcome`: the vocabulary's SQL function, apps/api repeatable migrations).

// The events each playbook version converts on, for the versions of the runs in `runs_in_range`.
const CONVERSION_TYPES = `
conversion_types AS (
  SELECT v.id AS version_id, ARRAY(
           SELECT jsonb_array_elements_text(COALESCE(v.graph #> '{settings,goalEvents}', '[]'))
           UNION SELECT jsonb_array_elements_text(COALESCE(n #> '{config,eventTypes}', '[]'))
                   FROM jsonb_array_elements(COALESCE(v.graph -> 'nodes', '[]')) n WHERE n ->> 'type' = 'goal'
           UNION SELECT t FROM unnest(segflow_event_types()) t WHERE segflow_event_outcome(t) = 'conversion') AS types
    FROM playbook_versions v WHERE v.id IN (SELECT playbook_version_id FROM runs_in_range))`;

/** The outcomes of the lead of run `r` since `since` (one scan of its events from then, on events_lead_idx). */
const outcomesSince = (since: string) => `
  JOIN conversion_types ct ON ct.version_id = r.playbook_version_id
  LEFT JOIN LATERAL (
    SELECT COALESCE(bool_or(e.type = ANY(ct.types)), false) AS converted,
           COALESCE(bool_or(segflow_event_outcome(e.type) = 'meeting'), false) AS met,
           COALESCE(bool_or(segflow_event_outcome(e.type) = 'reply'), false) AS replied
      FROM events e WHERE e.lead_id = r.lead_id AND e.occurred_at >= ${since}) o ON true`;

/** An arm's counts (libs/scoring ArmCounts) over the exposures for which `filter` holds. */
const armCounts = (filter: string) => `json_build_object(
    'leads', count(*) FILTER (WHERE ${filter}), 'conversions', count(*) FILTER (WHERE ${filter} AND converted),
    'meetings', count(*) FILTER (WHERE ${filter} AND met), 'replies', count(*) FILTER (WHERE ${filter} AND replied))`;

/** Runs (treated and held out) started in `[$1, $2)` with their outcomes, per segment and playbook. */
const LIFT_SQL = `
WITH runs_in_range AS (SELECT * FROM runs WHERE started_at >= $1 AND started_at < $2),
${CONVERSION_TYPES},
cohort AS (
  SELECT r.segment_id, r.playbook_id, r.status = 'heldOut' AS held_out, o.converted, o.met, o.replied
    FROM runs_in_range r ${outcomesSince('r.started_at')})
SELECT x.segment_id AS "segmentId", sg.name AS "segmentName", x.playbook_id AS "playbookId", p.name AS "playbookName",
       x.treated, x.holdout
  FROM (SELECT segment_id, playbook_id, ${armCounts('NOT held_out')} AS treated, ${armCounts('held_out')} AS holdout,
               count(*) AS runs
          FROM cohort GROUP BY 1, 2) x
  LEFT JOIN segments sg ON sg.id::text = x.segment_id LEFT JOIN playbooks p ON p.id = x.playbook_id
 ORDER BY x.runs DESC, x.segment_id, x.playbook_id`;

/**
 * Every variant of every split node of the playbook versions that started runs in `[$1, $2)`, with its exposures:
 * runs whose first visit of the node took that variant, and their outcomes since then.
 */
const SPLIT_ARMS_SQL = `
WITH runs_in_range AS (SELECT * FROM runs WHERE started_at >= $1 AND started_at < $2 AND status <> 'heldOut'),
${CONVERSION_TYPES},
split_variants AS (
  SELECT v.id AS version_id, n ->> 'id' AS node_id, x.variant ->> 'key' AS variant, x.variant ->> 'label' AS label,
         x.i AS variant_index
    FROM playbook_versions v, jsonb_array_elements(COALESCE(v.graph -> 'nodes', '[]')) n,
         jsonb_array_elements(COALESCE(n #> '{config,variants}', '[]')) WITH ORDINALITY AS x(variant, i)
   WHERE n ->> 'type' = 'split' AND v.id IN (SELECT playbook_version_id FROM runs_in_range)),
exposures AS (
  SELECT r.playbook_version_id AS version_id, rs.node_id, rs.outcome AS variant, o.converted, o.met, o.replied
    FROM runs_in_range r JOIN run_steps rs ON rs.run_id = r.id AND rs.visit = 1 AND rs.left_at IS NOT NULL
    ${outcomesSince('rs.left_at')})
SELECT v.playbook_id AS "playbookId", p.name AS "playbookName", v.version AS "playbookVersion", sv.node_id AS "nodeId",
       sv.variant, sv.label, sv.variant_index::int AS "variantIndex",
       json_build_object('leads', count(e.variant), 'conversions', count(*) FILTER (WHERE e.converted),
         'meetings', count(*) FILTER (WHERE e.met), 'replies', count(*) FILTER (WHERE e.replied)) AS counts
  FROM split_variants sv JOIN playbook_versions v ON v.id = sv.version_id JOIN playbooks p ON p.id = v.playbook_id
  LEFT JOIN exposures e ON e.version_id = sv.version_id AND e.node_id = sv.node_id AND e.variant = sv.variant
 GROUP BY v.playbook_id, p.name, v.version, sv.node_id, sv.variant, sv.label, sv.variant_index
 ORDER BY p.name, v.playbook_id, v.version, sv.node_id, sv.variant_index`;

/** A range `[from, to)` with the whole UTC days inside it (see wholeDays) and the instant a clock counts as due against. */
export interface DashboardRange {
  from: Date;
  to: Date;
  now: Date;
  wholeDays: { from: Date; to: Date };
}

/** Entries, TTFT and breach rate of one hour, day or week. */
export interface TrendRow {
  bucket: Date;
  entries: number;
  ttftP50Ms: number | null;
  ttftP90Ms: number | null;
  breachRate: number | null;
}

/** One SLA clock of the drill-down, with its lead, segment and rep names. */
export interface DrillDownRow {
  leadId: string;
  leadName: string | null;
  company: string | null;
  segmentId: string | null;
  segmentName: string | null;
  repId: string | null;
  repName: string | null;
  playbookId: string | null;
  playbookVersion: number | null;
  channel: string | null;
  enteredAt: Date;
  dueAt: Date;
  firstTouchAt: Date | null;
  firstTouchKind: string | null;
  ttftMs: number | null;
  systemDelayMs: number | null;
  humanDelayMs: number | null;
  breached: boolean;
}

/** Which clocks the drill-down lists: those of one dimension key (null = none), optionally only (not) breached. */
export interface DrillDownFilter {
  from: Date;
  to: Date;
  now: Date;
  groupBy: Dimension;
  key: string | null;
  breached: boolean | null;
  /** null: every row. */
  limit: number | null;
}

/** Every dashboard number per key of `dimension` (see summarySql). */
export function summarizeDashboard(db: Queryable, dimension: Dimension, range: DashboardRange): Promise<SummaryRow[]> {
  return db.query(summarySql(dimension), [range.from, range.to, range.now, range.wholeDays.from, range.wholeDays.to]);
}

/** A trend's query: per `bucket` in `[from, to)`, optionally of one segment and/or rep, or of one dimension key. */
export interface TrendFilter {
  from: Date;
  to: Date;
  now: Date;
  bucket: 'hour' | 'day' | 'week';
  segmentId: string | null;
  repId: string | null;
  /** Only the clocks of one summary row (key null = the row of clocks without one). */
  row: { groupBy: Dimension; key: string | null } | null;
}

/** Per `bucket` in `[from, to)`, optionally of one segment, rep or summary row; empty buckets are left out. */
export function dashboardTrend(db: Queryable, q: TrendFilter): Promise<TrendRow[]> {
  const params = [q.from, q.to, q.now, q.bucket, q.segmentId, q.repId];
  return db.query(trendSql(q.row?.groupBy ?? null), q.row ? [...params, q.row.key] : params);
}

/** The leads behind a number, newest first. */
export function listDrillDown(db: Queryable, filter: DrillDownFilter): Promise<DrillDownRow[]> {
  return db.query(drillDownSql(filter.groupBy), drillDownParams(filter));
}

const DRILL_DOWN_CURSOR = 'drill_down';

/** Declares the drill-down's server-side cursor: `db` must be one connection inside a transaction. */
export async function openDrillDownCursor(db: Queryable, filter: DrillDownFilter): Promise<void> {
  await db.query(
    `DECLARE ${DRILL_DOWN_CURSOR} NO SCROLL CURSOR FOR ${drillDownSql(filter.groupBy)}`,
    drillDownParams(filter),
  );
}

/** The next `rows` rows of the cursor {@link openDrillDownCursor} declared; fewer means it is exhausted. */
export function fetchDrillDownRows(db: Queryable, rows: number): Promise<DrillDownRow[]> {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`rows must be a positive integer, got ${rows}`);
  return db.query(`FETCH ${rows} FROM ${DRILL_DOWN_CURSOR}`);
}

function drillDownParams(f: DrillDownFilter): unknown[] {
  return [f.from, f.to, f.now, f.key, f.breached, f.limit];
}

/** A segment × playbook's treated and held-out runs, counted on one outcome definition (see LIFT_SQL). */
export type LiftCountsRow = Omit<LiftRow, 'comparison'> & { treated: ArmCounts; holdout: ArmCounts };

/** One variant of a split node and its exposures' counts (see SPLIT_ARMS_SQL). */
export type SplitArmCountsRow = Pick<
  SplitArmRow,
  'playbookId' | 'playbookName' | 'playbookVersion' | 'nodeId' | 'variant' | 'label'
> & {
  /** 1-based position of the variant in the node: the first one is the control. */
  variantIndex: number;
  counts: ArmCounts;
};

/**
 * Treated vs held-out counts per segment and playbook of the runs started in `[from, to)`.
 * @example const rows = await liftByPlaybook(manager, { from, to });
 */
export function liftByPlaybook(db: Queryable, range: { from: Date; to: Date }): Promise<LiftCountsRow[]> {
  return db.query(LIFT_SQL, [range.from, range.to]);
}

/**
 * Per variant of each split node, the counts of the runs started in `[from, to)` that took it.
 * @example const arms = await splitArmsByPlaybook(manager, { from, to });
 */
export function splitArmsByPlaybook(db: Queryable, range: { from: Date; to: Date }): Promise<SplitArmCountsRow[]> {
  return db.query(SPLIT_ARMS_SQL, [range.from, range.to]);
}

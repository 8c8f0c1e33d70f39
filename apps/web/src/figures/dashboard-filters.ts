import type { DashboardDimension } from '@segflow/api-contracts';

const DIMENSIONS: readonly DashboardDimension[] = ['segment', 'playbook', 'rep', 'channel'];
const DAY = 86_400_000;
/** The range shown when the URL names none: the 30 days up to today. */
const DEFAULT_DAYS = 30;

/**
 * What the dashboard shows, as its URL says: `?from=2026-03-01&to=2026-03-30&groupBy=rep&row=<key>&breached=true`.
 * Dates are UTC calendar days, `to` included.
 */
export interface DashboardFilters {
  from: string;
  to: string;
  groupBy: DashboardDimension;
  /** The summary row whose leads and trend are shown (`row=`: the row without a key); null when none is picked. */
  row: { key: string | null } | null;
  /** Only the breached leads of that row. */
  breached: boolean;
}

const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/** `YYYY-MM-DD` naming a real calendar day (not 2026-02-30). */
function isCalendarDate(value: string | null): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && isoDate(t) === value;
}

/** The filters of a URL without any: the last 30 days up to `today`, by segment, no row picked. */
export function defaultDashboardFilters(today: string): DashboardFilters {
  const to = Date.parse(`${today}T00:00:00Z`);
  return { from: isoDate(to - (DEFAULT_DAYS - 1) * DAY), to: today, groupBy: 'segment', row: null, breached: false };
}

/**
 * The filters a URL's query string names; a missing or invalid value (an unknown dimension, a date that is no
 * calendar day, `from` after `to`) gives way to its default, so a hand-edited link still opens.
 * @example readDashboardFilters(new URLSearchParams('groupBy=rep&from=nonsense'), '2026-03-30');
 *   // → { from: '2026-03-01', to: '2026-03-30', groupBy: 'rep', row: null, breached: false }
 */
export function readDashboardFilters(params: URLSearchParams, today: string): DashboardFilters {
  const defaults = defaultDashboardFilters(today);
  const from = params.get('from');
  const to = params.get('to');
  const range = {
    from: isCalendarDate(from) ? from : defaults.from,
    to: isCalendarDate(to) ? to : defaults.to,
  };
  const groupBy = DIMENSIONS.find((d) => d === params.get('groupBy')) ?? defaults.groupBy;
  const row = params.get('row');
  return {
    ...(range.from <= range.to ? range : { from: defaults.from, to: defaults.to }),
    groupBy,
    row: row === null ? null : { key: row === '' ? null : row },
    breached: row !== null && params.get('breached') === 'true',
  };
}

/**
 * The query string of the filters, every one spelled out (dates too), so a shared link shows the same days later.
 * @example dashboardSearch(filters).toString(); // 'from=2026-03-01&to=2026-03-30&groupBy=segment'
 */
export function dashboardSearch(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams({ from: filters.from, to: filters.to, groupBy: filters.groupBy });
  if (filters.row) {
    params.set('row', filters.row.key ?? '');
    if (filters.breached) params.set('breached', 'true');
  }
  return params;
}

/**
 * The filters after a change from the controls: a new dimension drops the picked row (its key means another thing),
 * and a `from` past `to` (or `to` before `from`) moves the other end along, so the range stays a range.
 * @example changeDashboardFilters(filters, { from: '2026-04-02' }).to; // '2026-04-02' when `to` was earlier
 */
export function changeDashboardFilters(filters: DashboardFilters, change: Partial<DashboardFilters>): DashboardFilters {
  const next = { ...filters, ...change };
  if (change.groupBy && change.groupBy !== filters.groupBy && change.row === undefined) next.row = null;
  if (!next.row) next.breached = false;
  if (next.from > next.to) {
    if (change.to !== undefined) next.from = next.to;
    else next.to = next.from;
  }
  return next;
}

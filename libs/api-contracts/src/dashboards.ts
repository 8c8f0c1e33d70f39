/**
 * One row of a dashboard summary (`GET /api/dashboards/summary?by=…`): time to first touch, breaches and outcomes
 * of one segment, playbook version, rep or channel. Durations are milliseconds; null where nothing was measured.
 *
 * @example
 * const row: SummaryRow = { key: segmentId, label: 'Hot inbound', entries: 40, touched: 38, ttftP50Ms: 540_000, ... };
 */
export interface SummaryRow {
  key: string | null;
  label: string;
  entries: number;
  touched: number;
  ttftP50Ms: number | null;
  ttftP90Ms: number | null;
  systemDelayP50Ms: number | null;
  humanDelayP50Ms: number | null;
  breaches: number;
  breachRate: number | null;
  touches: number;
  replies: number;
  meetings: number;
  conversions: number;
}

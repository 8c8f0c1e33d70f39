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

/** Dimensions a dashboard summary or drill-down groups by. */
export type DashboardDimension = 'segment' | 'playbook' | 'rep' | 'channel';

/** One bucket of `GET /api/dashboards/trend`. */
export interface TrendPoint {
  bucket: string;
  entries: number;
  ttftP50Ms: number | null;
  ttftP90Ms: number | null;
  breachRate: number | null;
}

/** One lead behind a summary row (`GET /api/dashboards/leads`), newest entry first. */
export interface DrillDownLead {
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
  enteredAt: string;
  dueAt: string;
  firstTouchAt: string | null;
  firstTouchKind: string | null;
  ttftMs: number | null;
  systemDelayMs: number | null;
  humanDelayMs: number | null;
  breached: boolean;
}

/**
 * One row of `GET /api/dashboards/lift`: conversion of the leads of a segment that ran a playbook vs the segment's
 * holdout, with both sample sizes; rates are null for an empty side, `lift` (treated − holdout rate) when both exist.
 *
 * @example
 * const row: LiftRow = { segmentId, segmentName: 'Hot', playbookId, playbookName: 'Welcome', treated: 90, treatedConversions: 18,
 *   holdout: 10, holdoutConversions: 1, treatedRate: 0.2, holdoutRate: 0.1, lift: 0.1 };
 */
export interface LiftRow {
  segmentId: string;
  segmentName: string | null;
  playbookId: string;
  playbookName: string | null;
  treated: number;
  treatedConversions: number;
  holdout: number;
  holdoutConversions: number;
  treatedRate: number | null;
  holdoutRate: number | null;
  lift: number | null;
}

import type { ArmComparison } from '@segflow/scoring';

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

/** How `GET /api/dashboards/trend` buckets entries (UTC hours, days, or ISO weeks from Monday). */
export type TrendBucket = 'hour' | 'day' | 'week';

/** Ranges up to this long default to hourly buckets, so a one- or two-day trend still has a shape. */
export const HOURLY_TREND_MAX_MS = 2 * 86_400_000;
/** The longest range hourly buckets are served for (7 days: 168 buckets); longer ranges ask for days or weeks. */
export const HOURLY_TREND_LIMIT_MS = 7 * 86_400_000;

/**
 * The trend's bucket when the query names none: hours for ranges of at most two days, days beyond.
 * @example defaultTrendBucket(new Date('2026-03-01'), new Date('2026-03-02')); // 'hour'
 */
export function defaultTrendBucket(from: Date, to: Date): TrendBucket {
  return to.getTime() - from.getTime() <= HOURLY_TREND_MAX_MS ? 'hour' : 'day';
}

/** One bucket of `GET /api/dashboards/trend` (buckets without entries are left out). */
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
 * One row of `GET /api/dashboards/lift`: the leads of a segment that ran a playbook (`comparison.arm`) against the
 * segment's holdout (`comparison.control`), both judged on the same events since their run started (see README,
 * "Lift and A/B arms"): conversions, meetings and replies, each with a Wilson interval per arm and the difference with
 * its Newcombe interval and two-proportion z-test p-value; `tooFewLeads` below the minimum per arm.
 *
 * @example
 * if (row.comparison.state === 'measured') row.comparison.difference!.conversions.low; // > 0: the playbook helps
 */
export interface LiftRow {
  /** Null for runs started by hand (no segment). */
  segmentId: string | null;
  segmentName: string | null;
  playbookId: string;
  playbookName: string | null;
  comparison: ArmComparison;
}

/**
 * One row of `GET /api/dashboards/split-arms`: a variant of an A/B split node (`comparison.arm`) against the node's
 * first variant (`comparison.control`), on the same outcome definition as the lift, counted from when a run took its
 * variant.
 *
 * @example
 * const row: SplitArmRow = { playbookId, playbookName: 'Welcome', playbookVersion: 2, nodeId: 'ab', variant: 'b',
 *   label: 'WhatsApp first', controlVariant: 'a', controlLabel: 'Email first', comparison };
 */
export interface SplitArmRow {
  playbookId: string;
  playbookName: string;
  playbookVersion: number;
  nodeId: string;
  variant: string;
  label: string | null;
  controlVariant: string;
  controlLabel: string | null;
  comparison: ArmComparison;
}

import {
  defaultTrendBucket,
  type LiftRow,
  type SummaryRow,
  type TrendBucket,
  type TrendPoint,
} from '@segflow/api-contracts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BUCKET_MS: Record<TrendBucket, number> = { hour: HOUR, day: DAY, week: 7 * DAY };
/** Beyond this many days a daily trend has too many points to read: weeks instead. */
const WEEKLY_AFTER_DAYS = 120;

const tenths = (x: number) => Math.round(x * 10) / 10;
const minutes = (ms: number | null) => (ms === null ? null : tenths(ms / 60_000));
const percent = (rate: number | null) => (rate === null ? null : tenths(rate * 100));

/**
 * The bucket the dashboard asks the trend for: hours up to two days (the API's default), days up to 120, weeks beyond.
 * @example trendBucketFor({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }); // 'hour'
 */
export function trendBucketFor(range: { from: string; to: string }): TrendBucket {
  const from = new Date(range.from);
  const to = new Date(range.to);
  if (to.getTime() - from.getTime() > WEEKLY_AFTER_DAYS * DAY) return 'week';
  return defaultTrendBucket(from, to);
}

/** One bucket of the trend charts: minutes and percentages, null where nothing was measured. */
export interface TrendDatum {
  bucket: string;
  /** The axis label: `14:00` for hours, `03-05` for days and weeks (UTC). */
  label: string;
  entries: number;
  ttftP50Min: number | null;
  ttftP90Min: number | null;
  breachPct: number | null;
}

/** The UTC start of the bucket holding `t` (weeks start on Monday, as Postgres' date_trunc). */
function bucketStart(t: number, bucket: TrendBucket): number {
  const day = Math.floor(t / DAY) * DAY;
  if (bucket === 'hour') return Math.floor(t / HOUR) * HOUR;
  if (bucket === 'day') return day;
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
}

function bucketLabel(iso: string, bucket: TrendBucket, spansDays: boolean): string {
  const time = iso.slice(11, 16);
  const date = iso.slice(5, 10);
  if (bucket !== 'hour') return date;
  return spansDays ? `${date} ${time}` : time;
}

/**
 * Every bucket of `[from, to)` in order, the API's points in place and the empty ones at zero entries, so a one-day
 * range reads as 24 hours with their entries rather than a lone point.
 * @example trendSeries([], { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }, 'hour').length; // 24
 */
export function trendSeries(
  points: TrendPoint[],
  range: { from: string; to: string },
  bucket: TrendBucket,
): TrendDatum[] {
  const byBucket = new Map(points.map((p) => [new Date(p.bucket).getTime(), p]));
  const end = new Date(range.to).getTime();
  const first = bucketStart(new Date(range.from).getTime(), bucket);
  const spansDays = end - first > DAY;
  const series: TrendDatum[] = [];
  for (let t = first; t < end; t += BUCKET_MS[bucket]) {
    const iso = new Date(t).toISOString();
    const point = byBucket.get(t);
    series.push({
      bucket: iso,
      label: bucketLabel(iso, bucket, spansDays),
      entries: point?.entries ?? 0,
      ttftP50Min: minutes(point?.ttftP50Ms ?? null),
      ttftP90Min: minutes(point?.ttftP90Ms ?? null),
      breachPct: percent(point?.breachRate ?? null),
    });
  }
  return series;
}

/** One summary row as the charts plot it. */
export interface SummaryDatum {
  label: string;
  ttftP50Min: number | null;
  ttftP90Min: number | null;
  breachPct: number | null;
  breaches: number;
  touches: number;
  replies: number;
  meetings: number;
  conversions: number;
}

/**
 * Summary rows in minutes and percentages, for the TTFT, breach and outcome charts.
 * @example summarySeries([row])[0].ttftP50Min; // 25 for 1,500,000 ms
 */
export function summarySeries(rows: SummaryRow[]): SummaryDatum[] {
  return rows.map((r) => ({
    label: r.label,
    ttftP50Min: minutes(r.ttftP50Ms),
    ttftP90Min: minutes(r.ttftP90Ms),
    breachPct: percent(r.breachRate),
    breaches: r.breaches,
    touches: r.touches,
    replies: r.replies,
    meetings: r.meetings,
    conversions: r.conversions,
  }));
}

/** One measured comparison's conversion rates (%) and how far their 95 % intervals reach below and above. */
export interface ArmDatum {
  label: string;
  armPct: number;
  armError: [number, number];
  controlPct: number;
  controlError: [number, number];
}

type Estimate = LiftRow['comparison']['arm']['conversions'];

function pctWithError(e: Estimate): { pct: number; error: [number, number] } | null {
  if (e.rate === null || e.low === null || e.high === null) return null;
  const pct = percent(e.rate)!;
  return { pct, error: [tenths(pct - percent(e.low)!), tenths(percent(e.high)! - pct)] };
}

/**
 * The measured comparisons' conversion rates with their Wilson intervals, for a bar chart with error bars; those
 * with too few leads are left out (the table says so).
 * @example armSeries([{ label: 'Hot · Welcome', comparison }])[0].armError; // [6.2, 7.1]
 */
export function armSeries(rows: { label: string; comparison: LiftRow['comparison'] }[]): ArmDatum[] {
  return rows.flatMap(({ label, comparison }) => {
    if (comparison.state !== 'measured') return [];
    const arm = pctWithError(comparison.arm.conversions);
    const control = pctWithError(comparison.control.conversions);
    if (!arm || !control) return [];
    return [{ label, armPct: arm.pct, armError: arm.error, controlPct: control.pct, controlError: control.error }];
  });
}

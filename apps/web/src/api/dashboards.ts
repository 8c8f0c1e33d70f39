import {
  queryString,
  type DashboardDeliveryQuery,
  type DashboardDimension,
  type DashboardDrillDownQuery,
  type DashboardRangeQuery,
  type DashboardSummaryQuery,
  type DashboardTrendQuery,
  type DeliveryRow,
  type DrillDownLead,
  type LiftRow,
  type SplitArmRow,
  type SummaryRow,
  type TrendBucket,
  type TrendPoint,
  type UserNotification,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export type { DeliveryRow, DrillDownLead, LiftRow, SplitArmRow, SummaryRow, TrendPoint };

export type Dimension = DashboardDimension;

export interface DashboardRange {
  from: string;
  to: string;
}

/** The instants of a dashboard range; `to` is a date whose whole day is included. */
export function rangeQuery(range: DashboardRange): Required<DashboardRangeQuery> {
  const to = new Date(`${range.to}T00:00:00Z`);
  to.setUTCDate(to.getUTCDate() + 1);
  return { from: `${range.from}T00:00:00Z`, to: to.toISOString() };
}

export const fetchSummary = (range: DashboardRange, groupBy: Dimension) =>
  requestJson<SummaryRow[]>(
    `/api/dashboards/summary${queryString<DashboardSummaryQuery>({ ...rangeQuery(range), groupBy })}`,
  );
/** The trend per `bucket`, of every entry or only those of one summary row (`row.key` null: every entry). */
export const fetchTrend = (
  range: DashboardRange,
  bucket: TrendBucket,
  row: { groupBy: Dimension; key: string | null } | null,
) =>
  requestJson<TrendPoint[]>(
    `/api/dashboards/trend${queryString<DashboardTrendQuery>({
      ...rangeQuery(range),
      bucket,
      ...(row && row.key !== null ? { groupBy: row.groupBy, key: row.key } : {}),
    })}`,
  );
export const fetchDrillDown = (range: DashboardRange, groupBy: Dimension, key: string | null, breached: boolean) =>
  requestJson<DrillDownLead[]>(
    `/api/dashboards/leads${queryString<DashboardDrillDownQuery>({
      ...rangeQuery(range),
      groupBy,
      key: key ?? undefined,
      breached: breached ? 'true' : undefined,
    })}`,
  );
export const fetchDelivery = (range: DashboardRange) =>
  requestJson<DeliveryRow[]>(`/api/dashboards/delivery${queryString<DashboardDeliveryQuery>(rangeQuery(range))}`);
/** Delivery figures of one published version, all time (the editor's per-node badges). */
export const fetchVersionDelivery = (playbookId: string, version: number) =>
  requestJson<DeliveryRow[]>(`/api/dashboards/delivery${queryString<DashboardDeliveryQuery>({ playbookId, version })}`);
export const fetchLift = (range: DashboardRange) =>
  requestJson<LiftRow[]>(`/api/dashboards/lift${queryString(rangeQuery(range))}`);
export const fetchSplitArms = (range: DashboardRange) =>
  requestJson<SplitArmRow[]>(`/api/dashboards/split-arms${queryString(rangeQuery(range))}`);
export const fetchNotifications = () => requestJson<UserNotification[]>('/api/notifications');
export const markNotificationRead = (id: string) =>
  requestJson<void>(`/api/notifications/${id}/read`, { method: 'POST' });

import type {
  DashboardDimension,
  DeliveryRow,
  DrillDownLead,
  LiftRow,
  SplitArmRow,
  SummaryRow,
  TrendPoint,
  UserNotification,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export type { DeliveryRow, DrillDownLead, LiftRow, SplitArmRow, SummaryRow, TrendPoint };

export type Dimension = DashboardDimension;

export interface DashboardRange {
  from: string;
  to: string;
}

/** Query string of a dashboard request; `to` is a date whose whole day is included. */
export function dashboardQuery(range: DashboardRange, extra: Record<string, string | undefined> = {}): string {
  const to = new Date(`${range.to}T00:00:00Z`);
  to.setUTCDate(to.getUTCDate() + 1);
  const params = new URLSearchParams({ from: `${range.from}T00:00:00Z`, to: to.toISOString() });
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return params.toString();
}

export const fetchSummary = (range: DashboardRange, groupBy: Dimension) =>
  requestJson<SummaryRow[]>(`/api/dashboards/summary?${dashboardQuery(range, { groupBy })}`);
export const fetchTrend = (range: DashboardRange) =>
  requestJson<TrendPoint[]>(`/api/dashboards/trend?${dashboardQuery(range, { bucket: 'day' })}`);
export const fetchDrillDown = (range: DashboardRange, groupBy: Dimension, key: string | null) =>
  requestJson<DrillDownLead[]>(`/api/dashboards/leads?${dashboardQuery(range, { groupBy, key: key ?? undefined })}`);
export const fetchDelivery = (range: DashboardRange) =>
  requestJson<DeliveryRow[]>(`/api/dashboards/delivery?${dashboardQuery(range)}`);
/** Delivery figures of one published version, all time (the editor's per-node badges). */
export const fetchVersionDelivery = (playbookId: string, version: number) =>
  requestJson<DeliveryRow[]>(
    `/api/dashboards/delivery?${new URLSearchParams({ playbookId, version: String(version) })}`,
  );
export const fetchLift = (range: DashboardRange) =>
  requestJson<LiftRow[]>(`/api/dashboards/lift?${dashboardQuery(range)}`);
export const fetchSplitArms = (range: DashboardRange) =>
  requestJson<SplitArmRow[]>(`/api/dashboards/split-arms?${dashboardQuery(range)}`);
export const fetchNotifications = () => requestJson<UserNotification[]>('/api/notifications');
export const markNotificationRead = (id: string) =>
  requestJson<void>(`/api/notifications/${id}/read`, { method: 'POST' });

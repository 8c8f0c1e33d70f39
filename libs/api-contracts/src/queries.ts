import type { DashboardDimension, TrendBucket } from './dashboards';
import type { LeadFilters } from './leads';
import type { UserRole } from './people';
import type { RunStatus } from './runs';

// Query strings of the GET endpoints, as the web sends them: each value written with String(). The API parses each
// with a schema tied to its type here (apps/api/src/common/accepts-contract.ts), so a renamed or dropped parameter
// fails to compile on both sides.

/** `GET /api/leads`. */
export interface LeadListQuery extends LeadFilters {
  limit?: number;
  offset?: number;
}

/** `GET /api/runs`. */
export interface RunListQuery {
  leadId?: string;
  playbookId?: string;
  status?: RunStatus;
  limit?: number;
}

/** `GET /api/touches`. */
export interface TouchListQuery {
  leadId?: string;
  runId?: string;
  limit?: number;
}

/** `GET /api/inbox`: a manager or admin may name a rep. */
export interface InboxQuery {
  repId?: string;
  limit?: number;
}

/** `GET /api/users`. */
export interface UserListQuery {
  role?: UserRole;
  teamId?: string;
}

/** `GET /api/sandbox/mail`. */
export interface PageQuery {
  limit?: number;
  offset?: number;
}

/** `GET /api/notifications`. */
export interface NotificationListQuery {
  unread?: 'true' | 'false';
}

/** `from`/`to` of the dashboards: ISO dates or instants, `to` exclusive; the API defaults to the last 30 days. */
export interface DashboardRangeQuery {
  from?: string;
  to?: string;
}

/** `GET /api/dashboards/summary` and its CSV. */
export interface DashboardSummaryQuery extends DashboardRangeQuery {
  groupBy?: DashboardDimension;
}

/**
 * `GET /api/dashboards/trend`: `bucket` defaults to {@link defaultTrendBucket}; `groupBy` + `key` keep the entries of
 * one summary row (as the drill-down does), `segmentId`/`repId` of one segment or rep.
 */
export interface DashboardTrendQuery extends DashboardRangeQuery {
  bucket?: TrendBucket;
  segmentId?: string;
  repId?: string;
  groupBy?: DashboardDimension;
  key?: string;
}

/** `GET /api/dashboards/leads` and its CSV. */
export interface DashboardDrillDownQuery extends DashboardRangeQuery {
  groupBy?: DashboardDimension;
  key?: string;
  breached?: 'true' | 'false';
  limit?: number;
}

/** `GET /api/dashboards/delivery`: one playbook (and version), or all. */
export interface DashboardDeliveryQuery extends DashboardRangeQuery {
  playbookId?: string;
  version?: number;
}

/** `GET /api/dashboards/lift`. */
export type DashboardLiftQuery = DashboardRangeQuery;

/**
 * `?a=1&b=x` of a query object, or '' when nothing is set: undefined, null and '' values are left out.
 * @example queryString<RunListQuery>({ leadId, limit: 20 }); // '?leadId=…&limit=20'
 */
export function queryString<Query extends object>(query: Query): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

import type { AuditPageDto, AuditQuery } from '@segflow/api-contracts';
import { requestJson } from './http';

/** The audit page's filters, as they stand in its URL (every one optional). */
export type AuditFilters = Omit<AuditQuery, 'cursor' | 'limit'>;

export const AUDIT_FILTER_NAMES = ['actorId', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

/** The filters read from a URL's search params; empty values are no filter. */
export function auditFiltersOf(params: URLSearchParams): AuditFilters {
  const filters: Record<string, string> = {};
  for (const name of AUDIT_FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters as AuditFilters;
}

/** The query string of `GET /api/audit` (and its CSV) for the filters, and a page cursor. */
export function auditQueryString(filters: AuditFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) if (filters[name]) params.set(name, filters[name]!);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const listAuditEntries = (filters: AuditFilters, cursor: string | null) =>
  requestJson<AuditPageDto>(`/api/audit?${auditQueryString(filters, cursor)}`);

/** Where the CSV of every entry matching the filters downloads from (the session cookie authenticates it). */
export const auditCsvUrl = (filters: AuditFilters) => `/api/audit/export.csv?${auditQueryString(filters)}`;

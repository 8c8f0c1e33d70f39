import type {
  CreateLeadImportRequest,
  LeadImportDto,
  LeadImportMappingDto,
  LeadImportMappingRequest,
  PageQuery,
} from '@segflow/api-contracts';
import { queryString } from '@segflow/api-contracts';
import { ApiError, requestJson } from './http';

export const suggestLeadImportMapping = (headers: string[]) =>
  requestJson<LeadImportMappingDto>('/api/leads/imports/mapping', {
    method: 'POST',
    body: { headers } satisfies LeadImportMappingRequest,
  });

export const createLeadImport = (request: CreateLeadImportRequest) =>
  requestJson<LeadImportDto>('/api/leads/imports', { method: 'POST', body: request });

export const getLeadImport = (id: string, page: PageQuery = {}) =>
  requestJson<LeadImportDto>(`/api/leads/imports/${encodeURIComponent(id)}${queryString(page)}`);

/** Where an import's row errors download from, as CSV. */
export const leadImportErrorsCsvUrl = (id: string) => `/api/leads/imports/${encodeURIComponent(id)}/errors.csv`;

/**
 * Sends the file itself as the request body: the browser streams it from disk, nothing is parsed or held here. Sending
 * the same file again to the same import resumes after the rows the API committed.
 */
export async function uploadLeadImportFile(id: string, file: Blob): Promise<LeadImportDto> {
  const response = await fetch(`/api/leads/imports/${encodeURIComponent(id)}/file`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv' },
    body: file,
  });
  const payload = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, payload?.message ?? response.statusText, payload?.issues ?? []);
  return payload as LeadImportDto;
}

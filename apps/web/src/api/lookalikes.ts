import {
  queryString,
  type CreateLookalikeRequest,
  type EnrolLookalikesResultDto,
  type LookalikeListDetailDto,
  type LookalikeListDto,
  type LookalikeMembersQuery,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export const listLookalikes = () => requestJson<LookalikeListDto[]>('/api/lookalikes');
export const createLookalikes = (body: CreateLookalikeRequest) =>
  requestJson<LookalikeListDto>('/api/lookalikes', { method: 'POST', body });
export const getLookalikes = (id: string, query: LookalikeMembersQuery) =>
  requestJson<LookalikeListDetailDto>(`/api/lookalikes/${id}${queryString(query)}`);
export const deleteLookalikes = (id: string) => requestJson<void>(`/api/lookalikes/${id}`, { method: 'DELETE' });
export const enrolLookalikes = (id: string, playbookId: string) =>
  requestJson<EnrolLookalikesResultDto>(`/api/lookalikes/${id}/enrol`, { method: 'POST', body: { playbookId } });

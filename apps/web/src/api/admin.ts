import {
  queryString,
  type ApiKeySummary,
  type ChangePasswordRequest,
  type ChannelSettings,
  type CreateApiKeyRequest,
  type CreateLeadAttributeRequest,
  type DeleteLeadAttributeQuery,
  type LeadAttributeDto,
  type UpdateLeadAttributeRequest,
  type CreatedApiKey,
  type CreateTeamRequest,
  type CreateUserRequest,
  type SlaPolicyRequest,
  type SlaPolicySummary,
  type TeamSummary,
  type UpdateTeamRequest,
  type UpdateUserRequest,
  type UserListQuery,
  type UserSummary,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export const listUsers = (query: UserListQuery = {}) => requestJson<UserSummary[]>(`/api/users${queryString(query)}`);
export const createUser = (body: CreateUserRequest) => requestJson<UserSummary>('/api/users', { method: 'POST', body });
export const updateUser = (id: string, body: UpdateUserRequest) =>
  requestJson<UserSummary>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const listApiKeys = () => requestJson<ApiKeySummary[]>('/api/api-keys');
export const createApiKey = (body: CreateApiKeyRequest) =>
  requestJson<CreatedApiKey>('/api/api-keys', { method: 'POST', body });
export const revokeApiKey = (id: string) =>
  requestJson<ApiKeySummary>(`/api/api-keys/${encodeURIComponent(id)}/revoke`, { method: 'POST' });

export const getChannelSettings = () => requestJson<ChannelSettings>('/api/settings/channels');

export const changeOwnPassword = (body: ChangePasswordRequest) =>
  requestJson<void>('/api/auth/password', { method: 'POST', body });

export const listSlaPolicies = () => requestJson<SlaPolicySummary[]>('/api/sla/policies');
export const createSlaPolicy = (body: SlaPolicyRequest) =>
  requestJson<SlaPolicySummary>('/api/sla/policies', { method: 'POST', body });
export const updateSlaPolicy = (id: string, body: SlaPolicyRequest) =>
  requestJson<SlaPolicySummary>(`/api/sla/policies/${encodeURIComponent(id)}`, { method: 'PUT', body });
export const deleteSlaPolicy = (id: string) =>
  requestJson<void>(`/api/sla/policies/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const createTeam = (body: CreateTeamRequest) => requestJson<TeamSummary>('/api/teams', { method: 'POST', body });
export const updateTeam = (id: string, body: UpdateTeamRequest) =>
  requestJson<TeamSummary>(`/api/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const listLeadAttributes = () => requestJson<LeadAttributeDto[]>('/api/settings/lead-attributes');
export const createLeadAttribute = (body: CreateLeadAttributeRequest) =>
  requestJson<LeadAttributeDto>('/api/settings/lead-attributes', { method: 'POST', body });
export const updateLeadAttribute = (key: string, body: UpdateLeadAttributeRequest) =>
  requestJson<LeadAttributeDto>(`/api/settings/lead-attributes/${encodeURIComponent(key)}`, { method: 'PATCH', body });
export const deleteLeadAttribute = (key: string, query: DeleteLeadAttributeQuery = {}) =>
  requestJson<void>(`/api/settings/lead-attributes/${encodeURIComponent(key)}${queryString(query)}`, {
    method: 'DELETE',
  });

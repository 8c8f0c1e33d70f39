import {
  queryString,
  type ApiKeySummary,
  type ChangePasswordRequest,
  type ChannelSettings,
  type CreateApiKeyRequest,
  type CreatedApiKey,
  type CreateUserRequest,
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

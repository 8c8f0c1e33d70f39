import {
  queryString,
  type CompleteTaskRequest,
  type ConfirmUnsubscribeResponse,
  type InboxItem,
  type InboxQuery,
  type ReassignTaskRequest,
  type SnoozeTaskRequest,
  type TaskNoteRequest,
  type TaskOutcome,
  type UserListQuery,
  type UserSummary,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export {
  CONFIRM_UNSUBSCRIBE_TASK_TYPE,
  INBOX_STREAM_PATH as INBOX_STREAM_URL,
  TASK_OUTCOMES,
} from '@segflow/api-contracts';

export const listInbox = (repId?: string) =>
  requestJson<InboxItem[]>(`/api/inbox${queryString<InboxQuery>({ repId })}`);
export const completeTask = (id: string, outcome: TaskOutcome) =>
  requestJson<unknown>(`/api/inbox/tasks/${id}/complete`, {
    method: 'POST',
    body: { outcome } satisfies CompleteTaskRequest,
  });
export const confirmUnsubscribe = (id: string) =>
  requestJson<ConfirmUnsubscribeResponse>(`/api/inbox/tasks/${id}/confirm-unsubscribe`, { method: 'POST' });
export const snoozeTask = (id: string, until: Date) =>
  requestJson<void>(`/api/inbox/tasks/${id}/snooze`, {
    method: 'POST',
    body: { until: until.toISOString() } satisfies SnoozeTaskRequest,
  });
export const addTaskNote = (id: string, body: string) =>
  requestJson<void>(`/api/inbox/tasks/${id}/notes`, { method: 'POST', body: { body } satisfies TaskNoteRequest });
export const reassignTask = (id: string, repId: string) =>
  requestJson<void>(`/api/inbox/tasks/${id}/reassign`, {
    method: 'POST',
    body: { repId } satisfies ReassignTaskRequest,
  });
export const listReps = () => requestJson<UserSummary[]>(`/api/users${queryString<UserListQuery>({ role: 'rep' })}`);

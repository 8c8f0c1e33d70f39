import { requestJson } from './http';

export const TASK_OUTCOMES = ['connected', 'no_answer', 'meeting_booked', 'not_interested'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** An open task with the context a rep needs (GET /api/inbox). */
export interface InboxItem {
  id: string;
  title: string;
  taskType: string;
  priority: string;
  dueAt: string;
  assigneeId: string | null;
  slaDueAt: string | null;
  slaBreached: boolean;
  score: number;
  lead: { id: string; name: string | null; company: string | null; email: string | null; phone: string | null; city: string | null };
  segment: { id: string; name: string; enteredAt: string; enterReason: string } | null;
  step: { playbookName: string; version: number; nodeId: string | null } | null;
  recentEvents: { type: string; occurredAt: string }[];
  whyNow: string[];
}

/** Server-Sent Events: `changed` whenever a task this inbox shows changes (GET /api/inbox/stream). */
export const INBOX_STREAM_URL = '/api/inbox/stream';

export const listInbox = (repId?: string) => requestJson<InboxItem[]>(`/api/inbox${repId ? `?repId=${encodeURIComponent(repId)}` : ''}`);
export const completeTask = (id: string, outcome: TaskOutcome) => requestJson(`/api/inbox/tasks/${id}/complete`, { method: 'POST', body: { outcome } });
export const snoozeTask = (id: string, until: Date) => requestJson<void>(`/api/inbox/tasks/${id}/snooze`, { method: 'POST', body: { until: until.toISOString() } });
export const addTaskNote = (id: string, body: string) => requestJson<void>(`/api/inbox/tasks/${id}/notes`, { method: 'POST', body: { body } });
export const reassignTask = (id: string, repId: string) => requestJson<void>(`/api/inbox/tasks/${id}/reassign`, { method: 'POST', body: { repId } });
export const listReps = () => requestJson<{ id: string; name: string }[]>('/api/users?role=rep');

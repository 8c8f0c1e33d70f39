import { requestJson } from './http';

/** An outbox row that kept failing, as `GET /api/outbox/dead-letters` returns it. */
export interface DeadLetter {
  id: string;
  kind: 'segment_entered' | 'segment_left' | 'lead_event' | 'run_start';
  leadId: string;
  payload: Record<string, unknown>;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  /** Null once retried. */
  deadLetteredAt: string | null;
}

export const listDeadLetters = () => requestJson<DeadLetter[]>('/api/outbox/dead-letters');
export const retryDeadLetter = (id: string) => requestJson<DeadLetter>(`/api/outbox/dead-letters/${id}/retry`, { method: 'POST' });

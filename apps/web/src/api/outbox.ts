import type { DeadLetterDto } from '@segflow/api-contracts';
import { requestJson } from './http';

export type DeadLetter = DeadLetterDto;

export const listDeadLetters = () => requestJson<DeadLetter[]>('/api/outbox/dead-letters');
export const retryDeadLetter = (id: string) =>
  requestJson<DeadLetter>(`/api/outbox/dead-letters/${id}/retry`, { method: 'POST' });

/**
 * An outbox row that failed every attempt, as `GET /api/outbox/dead-letters` returns it.
 *
 * @example
 * const dead: DeadLetterDto = { id: '42', kind: 'segment_entered', leadId, payload, attempts: 10, lastError: 'UNAVAILABLE', createdAt, deadLetteredAt };
 */
export interface DeadLetterDto {
  id: string;
  kind: 'segment_entered' | 'segment_left' | 'lead_event' | 'run_start' | 'lead_intake';
  leadId: string;
  payload: Record<string, unknown>;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  /** Null once retried. */
  deadLetteredAt: string | null;
}

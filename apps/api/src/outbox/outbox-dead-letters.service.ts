import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeadLetterDto } from '@segflow/api-contracts';
import { listDeadLetters, outboxRowExists, retryDeadLetter, type DeadLetterRow } from '@segflow/stores';
import { DataSource } from 'typeorm';

/** Most dead letters one list returns (oldest first): ops retry or fix them, they are not a log. */
export const DEAD_LETTER_LIST_LIMIT = 200;

/**
 * The outbox rows that failed OUTBOX_MAX_ATTEMPTS times (see recordOutboxFailure). A retry gives the row a fresh set
 * of attempts and wakes the dispatchers; it is then delivered on its own, after whatever the lead's later rows did
 * meanwhile (handlers are idempotent: a retried entry whose run exists only makes sure its workflow is started).
 */
@Injectable()
export class OutboxDeadLettersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<DeadLetterDto[]> {
    return (await listDeadLetters(this.dataSource, DEAD_LETTER_LIST_LIMIT)).map(mapDeadLetter);
  }

  async retryOrThrow(id: string): Promise<DeadLetterDto> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundException({ message: `dead letter ${id} not found`, field: 'id' });
    const row = await retryDeadLetter(this.dataSource, id);
    if (row) return mapDeadLetter(row);
    if (!(await outboxRowExists(this.dataSource, id)))
      throw new NotFoundException({ message: `dead letter ${id} not found`, field: 'id' });
    throw new ConflictException({ message: `outbox row ${id} is not dead-lettered`, field: 'id' });
  }
}

function mapDeadLetter(row: DeadLetterRow): DeadLetterDto {
  return {
    id: row.id,
    kind: row.kind,
    leadId: row.payload.leadId,
    payload: row.payload,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    deadLetteredAt: row.dead_lettered_at?.toISOString() ?? null,
  };
}

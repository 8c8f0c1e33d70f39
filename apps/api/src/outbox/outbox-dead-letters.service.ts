import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeadLetterDto } from '@segflow/api-contracts';
import { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox-channel';
import type { OutboxKind } from './outbox-message';

/** Most dead letters one list returns (oldest first): ops retry or fix them, they are not a log. */
export const DEAD_LETTER_LIST_LIMIT = 200;

type DeadLetterRow = { id: string; kind: OutboxKind; payload: Record<string, unknown> & { leadId: string }; attempts: number; last_error: string | null; created_at: Date; dead_lettered_at: Date | null };

/**
 * The outbox rows that failed OUTBOX_MAX_ATTEMPTS times (see OutboxClaims.failed). A retry gives the row a fresh set
 * of attempts and wakes the dispatchers; it is then delivered on its own, after whatever the lead's later rows did
 * meanwhile (handlers are idempotent: a retried entry whose run exists only makes sure its workflow is started).
 */
@Injectable()
export class OutboxDeadLettersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<DeadLetterDto[]> {
    const rows: DeadLetterRow[] = await this.dataSource.query(
      `SELECT id, kind, payload, attempts, last_error, created_at, dead_lettered_at FROM outbox
       WHERE dead_lettered_at IS NOT NULL AND dispatched_at IS NULL ORDER BY id LIMIT $1`,
      [DEAD_LETTER_LIST_LIMIT],
    );
    return rows.map(mapDeadLetter);
  }

  async retryOrThrow(id: string): Promise<DeadLetterDto> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundException({ message: `dead letter ${id} not found`, field: 'id' });
    const rows: DeadLetterRow[] = await this.dataSource.query(
      `WITH retried AS (
         UPDATE outbox SET dead_lettered_at = NULL, attempts = 0, next_attempt_at = NULL, claimed_until = NULL
         WHERE id = $1 AND dead_lettered_at IS NOT NULL AND dispatched_at IS NULL
         RETURNING id, kind, payload, attempts, last_error, created_at, dead_lettered_at)
       SELECT retried.*, pg_notify($2, '') FROM retried`,
      [id, OUTBOX_CHANNEL],
    );
    if (rows.length === 0) {
      const [exists] = await this.dataSource.query(`SELECT 1 FROM outbox WHERE id = $1`, [id]);
      if (!exists) throw new NotFoundException({ message: `dead letter ${id} not found`, field: 'id' });
      throw new ConflictException({ message: `outbox row ${id} is not dead-lettered`, field: 'id' });
    }
    return mapDeadLetter(rows[0]!);
  }
}

function mapDeadLetter(row: DeadLetterRow): DeadLetterDto {
  return {
    id: row.id, kind: row.kind, leadId: row.payload.leadId, payload: row.payload, attempts: row.attempts, lastError: row.last_error,
    createdAt: row.created_at.toISOString(), deadLetteredAt: row.dead_lettered_at?.toISOString() ?? null,
  };
}

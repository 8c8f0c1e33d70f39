import {
  claimOutboxRows,
  markOutboxDelivered,
  deferOutboxRows,
  recordOutboxFailure,
  releaseOutboxRows,
  renewOutboxLeases,
  type OutboxRow,
} from '@segflow/stores';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/** How long a claim holds its rows unless renewed; a dispatcher that died frees its rows after at most this. */
export const LEASE_SECONDS = 30;

/**
 * One dispatcher's claims on outbox rows (DESIGN invariant 2). Rows are claimed with a lease instead of row locks
 * held by a long transaction, so a delivery never waits for another one to finish; several API replicas share the
 * work without delivering a row twice at once (a claimed row is nobody else's until its lease runs out, and
 * {@link renew} keeps the leases of rows still being delivered alive); marks apply only to rows this dispatcher
 * still holds, so a dispatcher that lost its lease never overwrites the new holder's outcome.
 */
export class OutboxClaims {
  /** Identifies this dispatcher's claims (`claimed_by`). */
  readonly owner = randomUUID();

  constructor(
    private readonly dataSource: DataSource,
    private readonly leaseSeconds = LEASE_SECONDS,
  ) {}

  /** Claims up to `limit` claimable rows (see claimOutboxRows), returned in id order. */
  async claim(limit: number): Promise<OutboxRow[]> {
    // The claim is one string of several statements, sent on a connection of its own.
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      return await claimOutboxRows(client, { owner: this.owner, leaseSeconds: this.leaseSeconds, limit });
    } finally {
      await runner.release();
    }
  }

  /**
   * Extends the leases of the rows `ids` (those still being delivered or waiting for a lane) that this dispatcher
   * still holds; returns how many. Only those: a row whose delivery ended but whose mark failed must see its lease
   * run out, or its lead stalls for as long as the dispatcher has other work.
   */
  renew(ids: readonly string[]): Promise<number> {
    return renewOutboxLeases(this.dataSource, this.owner, ids, this.leaseSeconds);
  }

  /** Marks delivered rows this dispatcher still holds. */
  delivered(ids: readonly string[]): Promise<void> {
    return markOutboxDelivered(this.dataSource, this.owner, ids);
  }

  /** Records a failed attempt of rows this dispatcher holds (backing off, or dead-lettering); returns the ids dead-lettered. */
  failed(ids: readonly string[], message: string): Promise<string[]> {
    return recordOutboxFailure(this.dataSource, this.owner, ids, message);
  }

  /** Puts rows back for `seconds` without counting an attempt (see deferOutboxRows); returns the ids deferred. */
  deferred(ids: readonly string[], seconds: number, reason: string): Promise<string[]> {
    return deferOutboxRows(this.dataSource, this.owner, ids, seconds, reason);
  }

  /** Gives rows back undelivered (all of this dispatcher's when `ids` is omitted): the next claim may take them. */
  release(ids?: readonly string[]): Promise<void> {
    return releaseOutboxRows(this.dataSource, this.owner, ids);
  }
}

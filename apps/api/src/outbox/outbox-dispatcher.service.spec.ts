import { OUTBOX_CHANNEL } from '@segflow/stores';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventually, until } from '../../../../e2e/support/eventually';
import { captureLog } from '../testing/captured-log';
import { startTestApi, TestApi } from '../testing/test-api';
import { OUTBOX_LISTENER_NAME } from './outbox-channel';
import { OutboxHandlersService } from './outbox-handlers.service';

// The safety poll is set far beyond every wait below, so a delivery seen here was woken by a notification.
describe('outbox dispatcher wake-up (LISTEN/NOTIFY, real PostgreSQL)', () => {
  let api: TestApi;
  let db: Client;
  beforeAll(async () => {
    api = await startTestApi({ OUTBOX_POLL_MS: '60000' });
    db = new Client({ connectionString: api.config.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  // An entry into a segment no playbook is bound to: delivered (and marked) without starting anything.
  const unboundEntry = (leadId: string = randomUUID()) =>
    JSON.stringify({
      leadId,
      segmentId: 'seg-unbound',
      membershipId: randomUUID(),
      enteredAt: new Date().toISOString(),
      triggerEventId: null,
    });
  const isDispatched = async (id: string) =>
    (await db.query(`SELECT dispatched_at FROM outbox WHERE id = $1`, [id])).rows[0]?.dispatched_at !== null;
  const insertRow = async (leadId?: string) =>
    (
      await db.query(`INSERT INTO outbox (kind, payload) VALUES ('segment_entered', $1) RETURNING id`, [
        unboundEntry(leadId),
      ])
    ).rows[0].id as string;
  /** A row claimed by another dispatcher (that died holding it) whose lease runs out in `seconds`. */
  const insertHeldRow = async (leadId: string, seconds: number) =>
    (
      await db.query(
        `INSERT INTO outbox (kind, payload, claimed_by, claimed_at, claimed_until) VALUES ('segment_entered', $1, $2, now(), now() + $3 * interval '1 second') RETURNING id`,
        [unboundEntry(leadId), randomUUID(), seconds],
      )
    ).rows[0].id as string;
  const listenerPids = async () =>
    (
      await db.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [
        OUTBOX_LISTENER_NAME,
      ])
    ).rows.map((r) => r.pid as number);

  it('notifies once per committing transaction, whatever its number of outbox statements, and never for a rollback', async () => {
    const listener = new Client({ connectionString: api.config.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    try {
      await db.query('BEGIN');
      for (let i = 0; i < 3; i += 1)
        await db.query(`INSERT INTO outbox (kind, payload) VALUES ('segment_entered', $1)`, [unboundEntry()]);
      await db.query('COMMIT');
      await db.query('BEGIN');
      await db.query(`INSERT INTO outbox (kind, payload) VALUES ('segment_entered', $1)`, [unboundEntry()]);
      await db.query('ROLLBACK');
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toEqual([OUTBOX_CHANNEL]);
    } finally {
      await listener.end();
    }
  });

  it('does not notify for an outbox INSERT that inserted no row (a flush whose segment changes nobody acts on)', async () => {
    const listener = new Client({ connectionString: api.config.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    try {
      await db.query(`INSERT INTO outbox (kind, payload) SELECT 'segment_entered', '{}' WHERE false`);
      // Notifications arrive in commit order: once the marker is heard, one from the empty INSERT would have been too.
      await db.query(`SELECT pg_notify($1, 'marker')`, [OUTBOX_CHANNEL]);
      await until(
        async () => heard,
        (h) => h.includes('marker'),
        5_000,
        20,
      );
      expect(heard).toEqual(['marker']);
    } finally {
      await listener.end();
    }
  });

  it('delivers a committed row without waiting for the safety poll', async () => {
    const id = await insertRow();
    expect(await eventually(() => isDispatched(id), Boolean, 10_000, 50)).toBe(true);
  });

  it('reconnects its listening connection after it is killed and delivers through it again', async () => {
    const [pid] = await eventually(listenerPids, (pids) => pids.length === 1);
    await db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    const [next] = await eventually(listenerPids, (pids) => pids.length === 1 && pids[0] !== pid, 10_000, 50);
    expect(next).not.toBe(pid);
    const id = await insertRow();
    expect(await eventually(() => isDispatched(id), Boolean, 10_000, 50)).toBe(true);
  });

  it("takes over a dead dispatcher's rows once its lease has run out, and holds that lead's later rows until then", async () => {
    const lead = randomUUID();
    const held = await insertHeldRow(lead, 2);
    const behind = await insertRow(lead);
    const other = await insertRow();
    expect(await eventually(() => isDispatched(other), Boolean, 10_000, 50)).toBe(true);
    expect([await isDispatched(held), await isDispatched(behind)]).toEqual([false, false]);
    await new Promise((r) => setTimeout(r, 2_100));
    // No commit notifies a lease running out: the next claim (woken here by a fresh row) takes the rows.
    await insertRow();
    expect(
      await eventually(
        async () => [await isDispatched(held), await isDispatched(behind)],
        (both) => both.every(Boolean),
        10_000,
        50,
      ),
    ).toEqual([true, true]);
  });

  it('logs a failed delivery with the lead’s id as a field', async () => {
    const lead = randomUUID();
    const enter = jest
      .spyOn(api.app.get(OutboxHandlersService), 'enterSegment')
      .mockRejectedValueOnce(new Error('probe failure'));
    const log = captureLog();
    try {
      await insertRow(lead);
      const failed = (line: Record<string, unknown>) => String(line.msg).includes('not delivered: probe failure');
      const warning = (
        await until(
          async () => log.lines(),
          (lines) => lines.some(failed),
        )
      ).find(failed);
      expect(warning).toMatchObject({ level: 'warn', context: 'OutboxDispatcherService', leadId: lead });
    } finally {
      log.stop();
      enter.mockRestore();
    }
  });
});

import { OUTBOX_MAX_ATTEMPTS } from '@segflow/stores';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '../../../../e2e/support/eventually';
import { startTestApi, TestApi } from '../testing/test-api';

describe('outbox dead letters (real PostgreSQL, real dispatcher)', () => {
  let api: TestApi;
  let db: Client;
  beforeAll(async () => {
    api = await startTestApi();
    db = new Client({ connectionString: api.config.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const rowOf = async (id: string) => (await db.query(`SELECT * FROM outbox WHERE id = $1`, [id])).rows[0];
  /** A lead event whose delivery always fails (its lead id is no UUID, so looking up the lead's runs fails). */
  const insertPoison = async (leadId: string, attempts: number) =>
    (
      await db.query(`INSERT INTO outbox (kind, payload, attempts) VALUES ('lead_event', $1, $2) RETURNING id`, [
        JSON.stringify({
          leadId,
          eventId: randomUUID(),
          type: 'email_open',
          occurredAt: new Date().toISOString(),
          channel: null,
          replyTo: null,
          properties: {},
        }),
        attempts,
      ])
    ).rows[0].id as string;
  /** An entry into a segment no playbook is bound to: delivered without touching Temporal. */
  const insertEntry = async (leadId: string) =>
    (
      await db.query(`INSERT INTO outbox (kind, payload) VALUES ('segment_entered', $1) RETURNING id`, [
        JSON.stringify({
          leadId,
          segmentId: 'seg-unbound',
          membershipId: randomUUID(),
          enteredAt: new Date().toISOString(),
          triggerEventId: null,
        }),
      ])
    ).rows[0].id as string;

  it("dead-letters a row at its last failed attempt, lists it for ops, and lets the lead's later rows go on", async () => {
    const lead = `poison-${randomUUID()}`;
    const poison = await insertPoison(lead, OUTBOX_MAX_ATTEMPTS - 1);
    const later = await insertEntry(lead);
    const delivered = await eventually(
      () => rowOf(later),
      (row) => row.dispatched_at !== null,
      10_000,
      50,
    );
    expect(delivered.dispatched_at).toBeInstanceOf(Date);
    expect(await rowOf(poison)).toMatchObject({
      attempts: OUTBOX_MAX_ATTEMPTS,
      dispatched_at: null,
      dead_lettered_at: expect.any(Date),
    });

    const listed = await api.request('GET', '/api/outbox/dead-letters');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id: poison,
        kind: 'lead_event',
        leadId: lead,
        payload: expect.objectContaining({ leadId: lead }),
        attempts: OUTBOX_MAX_ATTEMPTS,
        lastError: expect.stringContaining('uuid'),
        createdAt: expect.any(String),
        deadLetteredAt: expect.any(String),
      },
    ]);
  });

  it('retries a dead letter with a fresh set of attempts (ops and admin only; 404 unknown, 409 not dead)', async () => {
    const rep = await api.createUser({ role: 'rep' });
    const ops = await api.createUser({ role: 'ops' });
    const [dead] = (await api.request('GET', '/api/outbox/dead-letters')).body;
    expect((await api.requestAs(rep, 'GET', '/api/outbox/dead-letters')).status).toBe(403);
    expect((await api.requestAs(rep, 'POST', `/api/outbox/dead-letters/${dead.id}/retry`)).status).toBe(403);

    const retried = await api.requestAs(ops, 'POST', `/api/outbox/dead-letters/${dead.id}/retry`);
    expect(retried).toMatchObject({ status: 200, body: { id: dead.id, attempts: 0, deadLetteredAt: null } });
    // Still poison: the dispatcher (woken by the retry) tries it again and backs it off, no longer dead.
    const after = await eventually(
      () => rowOf(dead.id),
      (row) => row.attempts === 1,
      10_000,
      50,
    );
    expect(after).toMatchObject({ dead_lettered_at: null, dispatched_at: null });
    expect((await api.request('GET', '/api/outbox/dead-letters')).body).toEqual([]);

    const notDead = await api.request('POST', `/api/outbox/dead-letters/${dead.id}/retry`);
    expect(notDead).toMatchObject({
      status: 409,
      body: expect.objectContaining({ message: expect.stringContaining('not dead-lettered') }),
    });
    expect((await api.request('POST', '/api/outbox/dead-letters/999999999/retry')).status).toBe(404);
    expect((await api.request('POST', '/api/outbox/dead-letters/abc/retry')).status).toBe(404);
  });
});

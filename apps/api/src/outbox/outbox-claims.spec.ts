import { OUTBOX_DEFER_LIMIT_SECONDS, OUTBOX_MAX_ATTEMPTS, type OutboxRow } from '@segflow/stores';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { dataSourceOptions } from '../database/data-source';
import { OutboxClaims } from './outbox-claims';

describe('OutboxClaims (real PostgreSQL)', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(await createTestDatabase('outbox_claims'))).initialize();
  });
  afterAll(() => db.destroy());
  beforeEach(() => db.query(`DELETE FROM outbox`));

  /** Inserts one lead_event row per lead given, in order; returns their ids. */
  const insert = async (...leads: string[]): Promise<string[]> => {
    const ids: string[] = [];
    for (const leadId of leads) {
      const [row] = await db.query(`INSERT INTO outbox (kind, payload) VALUES ('lead_event', $1) RETURNING id`, [
        JSON.stringify({ leadId, eventId: randomUUID() }),
      ]);
      ids.push(row.id);
    }
    return ids;
  };
  const idsOf = (rows: OutboxRow[]) => rows.map((row) => row.id);
  const rowOf = async (id: string) => (await db.query(`SELECT * FROM outbox WHERE id = $1`, [id]))[0];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("claims due rows in id order and none of a lead another dispatcher holds, until that lead's rows are delivered", async () => {
    const x = new OutboxClaims(db);
    const y = new OutboxClaims(db);
    const [a1, b1, a2] = await insert('a', 'b', 'a');
    expect(idsOf(await x.claim(10))).toEqual([a1, b1, a2]);
    expect(await x.claim(10)).toEqual([]);
    const [a3, c1] = await insert('a', 'c');
    // a is held by x (a1, a2), so y may not take a3 even though it is due: it would overtake them.
    expect(idsOf(await y.claim(10))).toEqual([c1]);
    await x.delivered([a1, a2]);
    expect(idsOf(await y.claim(10))).toEqual([a3]);
    expect(await rowOf(a1)).toMatchObject({ claimed_by: x.owner, attempts: 1, last_error: null, claimed_until: null });
    expect((await rowOf(a1)).dispatched_at).toBeInstanceOf(Date);
  });

  it('takes a prefix of the due rows when limited, so a lead is never split between two holders', async () => {
    const x = new OutboxClaims(db);
    const y = new OutboxClaims(db);
    const [a1, a2, b1, a3] = await insert('a', 'a', 'b', 'a');
    expect(idsOf(await x.claim(2))).toEqual([a1, a2]);
    expect(idsOf(await y.claim(10))).toEqual([b1]);
    await x.delivered([a1, a2]);
    expect(idsOf(await y.claim(10))).toEqual([a3]);
  });

  it('lets concurrent dispatchers share the rows: each row delivered once, a lead held by one at a time, its rows in order', async () => {
    const leads = Array.from({ length: 6 }, (_, i) => `lead-${i}`);
    const all = await insert(...Array.from({ length: 90 }, (_, i) => leads[(i * 7) % leads.length]!));
    const rowsOfLeads: { id: string; lead: string }[] = await db.query(
      `SELECT id, payload->>'leadId' AS lead FROM outbox`,
    );
    const leadOfId = new Map(rowsOfLeads.map((r) => [r.id, r.lead]));
    const holder = new Map<string, string>();
    const violations: string[] = [];
    const deliveredByLead = new Map<string, string[]>();
    const dispatcher = async () => {
      const claims = new OutboxClaims(db);
      for (let idle = 0; idle < 5;) {
        const rows = await claims.claim(4);
        if (rows.length === 0) {
          idle += 1;
          await sleep(5);
          continue;
        }
        idle = 0;
        const held = [...new Set(rows.map((row) => leadOfId.get(row.id)!))];
        for (const lead of held) {
          if (holder.has(lead)) violations.push(`${lead} held by ${holder.get(lead)} and ${claims.owner}`);
          holder.set(lead, claims.owner);
        }
        for (const row of rows)
          deliveredByLead.set(leadOfId.get(row.id)!, [...(deliveredByLead.get(leadOfId.get(row.id)!) ?? []), row.id]);
        await sleep(Math.random() * 10);
        // Let go before the mark commits: from then on another dispatcher may rightly take the lead.
        for (const lead of held) holder.delete(lead);
        await claims.delivered(idsOf(rows));
      }
    };
    await Promise.all([dispatcher(), dispatcher(), dispatcher()]);
    expect(violations).toEqual([]);
    const delivered = [...deliveredByLead.values()].flat();
    expect(delivered.sort()).toEqual([...all].sort());
    for (const lead of leads) {
      const ids = deliveredByLead.get(lead)!;
      expect(ids).toEqual([...ids].sort((p, q) => Number(p) - Number(q)));
    }
    expect((await db.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`))[0].n).toBe(0);
  });

  it('takes leads with a pending segment change first, each with all its claimable rows in order', async () => {
    const x = new OutboxClaims(db);
    const [a1, a2] = await insert('a', 'a');
    const [b1] = await db.query(`INSERT INTO outbox (kind, payload) VALUES ('lead_event', $1) RETURNING id`, [
      JSON.stringify({ leadId: 'b' }),
    ]);
    const [b2] = await db.query(`INSERT INTO outbox (kind, payload) VALUES ('segment_left', $1) RETURNING id`, [
      JSON.stringify({ leadId: 'b' }),
    ]);
    expect(idsOf(await x.claim(2))).toEqual([b1.id, b2.id]);
    expect(idsOf(await x.claim(10))).toEqual([a1, a2]);
  });

  it("re-claims a row once its lease has run out, and the old holder's late mark changes nothing", async () => {
    const x = new OutboxClaims(db, 1);
    const y = new OutboxClaims(db);
    const [a1] = await insert('a');
    expect(idsOf(await x.claim(10))).toEqual([a1]);
    expect(await y.claim(10)).toEqual([]);
    await sleep(1_100);
    expect(idsOf(await y.claim(10))).toEqual([a1]);
    await x.delivered([a1]);
    await x.failed([a1], 'late failure');
    expect(await rowOf(a1)).toMatchObject({ claimed_by: y.owner, dispatched_at: null, attempts: 0, last_error: null });
    await y.delivered([a1]);
    expect((await rowOf(a1)).dispatched_at).toBeInstanceOf(Date);
  });

  it('keeps a lease alive while it is renewed', async () => {
    const x = new OutboxClaims(db, 1);
    const y = new OutboxClaims(db);
    await insert('a');
    await x.claim(10);
    await sleep(700);
    expect(
      await x.renew(await db.query(`SELECT id FROM outbox`).then((rows) => rows.map((r: { id: string }) => r.id))),
    ).toBe(1);
    await sleep(700);
    expect(await y.claim(10)).toEqual([]);
  });

  it('renews only the rows it is still delivering: a lead whose mark failed is freed once its lease runs out', async () => {
    const x = new OutboxClaims(db, 1);
    const y = new OutboxClaims(db);
    const [a1, b1] = await insert('a', 'b');
    await x.claim(10);
    // a1's delivery ended but its mark failed (database blip): x holds only b1 now, and renews only that.
    await sleep(700);
    expect(await x.renew([b1])).toBe(1);
    await sleep(700);
    expect(idsOf(await y.claim(10))).toEqual([a1]);
  });

  it("backs a failed row off and holds its lead's later rows behind it; other leads go on", async () => {
    const x = new OutboxClaims(db);
    const y = new OutboxClaims(db);
    const [a1, a2, b1] = await insert('a', 'a', 'b');
    await x.claim(10);
    await x.failed([a1], 'boom');
    await x.release([a2]);
    await x.delivered([b1]);
    const failed = await rowOf(a1);
    expect(failed).toMatchObject({ attempts: 1, last_error: 'boom', dispatched_at: null, claimed_until: null });
    expect(failed.next_attempt_at.getTime()).toBeGreaterThan(Date.now() - 100);
    const [b2] = await insert('b');
    expect(idsOf(await y.claim(10))).toEqual([b2]);
    // Once the back-off is over, the failed row and the one behind it go out together, in order.
    await db.query(`UPDATE outbox SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [a1]);
    expect(idsOf(await y.claim(10))).toEqual([a1, a2]);
  });

  it("dead-letters a row at its last attempt: it is never claimed again and no longer holds its lead's later rows back", async () => {
    const x = new OutboxClaims(db);
    const [a1, a2] = await insert('a', 'a');
    await db.query(`UPDATE outbox SET attempts = $2 WHERE id = $1`, [a1, OUTBOX_MAX_ATTEMPTS - 2]);
    await x.claim(10);
    expect(await x.failed([a1], 'boom')).toEqual([]);
    await x.release([a2]);
    await db.query(`UPDATE outbox SET next_attempt_at = NULL WHERE id = $1`, [a1]);
    expect(idsOf(await x.claim(10))).toEqual([a1, a2]);
    expect(await x.failed([a1], 'boom again')).toEqual([a1]);
    await x.release([a2]);
    expect(await rowOf(a1)).toMatchObject({
      attempts: OUTBOX_MAX_ATTEMPTS,
      last_error: 'boom again',
      dispatched_at: null,
      dead_lettered_at: expect.any(Date),
    });
    await db.query(`UPDATE outbox SET next_attempt_at = NULL WHERE id = $1`, [a1]);
    expect(idsOf(await x.claim(10))).toEqual([a2]);
  });

  it('defers a row without counting an attempt while it is young, and counts nothing for rows it does not hold', async () => {
    const x = new OutboxClaims(db);
    const y = new OutboxClaims(db);
    const [a1, a2, b1] = await insert('a', 'a', 'b');
    await db.query(`UPDATE outbox SET created_at = now() - $2 * interval '1 second' WHERE id = $1`, [
      b1,
      OUTBOX_DEFER_LIMIT_SECONDS + 1,
    ]);
    await x.claim(10);
    expect(await y.deferred([a1], 1, 'not mine')).toEqual([]);
    expect(await x.deferred([a1, b1], 1, 'previous run still ending')).toEqual([a1]);
    await x.release([a2, b1]);
    const waiting = await rowOf(a1);
    expect(waiting).toMatchObject({
      attempts: 0,
      last_error: 'previous run still ending',
      dispatched_at: null,
      claimed_until: null,
      dead_lettered_at: null,
    });
    expect(waiting.next_attempt_at.getTime()).toBeGreaterThan(Date.now() - 100);
    // Too old to wait uncounted: b1 was not deferred and stays claimable at once.
    expect(idsOf(await y.claim(10))).toEqual([b1]);
  });

  it('gives back every row it holds at once on release without ids', async () => {
    const x = new OutboxClaims(db);
    const y = new OutboxClaims(db);
    const ids = await insert('a', 'b');
    await x.claim(10);
    await x.release();
    expect(idsOf(await y.claim(10))).toEqual(ids);
  });
});

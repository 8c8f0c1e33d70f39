import type { Client } from 'pg';
import { connectWithLeads, planScansOfCall } from '../../../apps/api/src/testing/plan-scans';
import { rowsOf } from './queryable';
import { recordFirstTouches, updateDueTimes } from './sla-clocks.store';

// Plan shapes, not timings: a monitor pass that updates a few clocks must not read every clock.
describe('SLA monitor updates on a few thousand clocks (real Postgres)', () => {
  let client: Client;
  let ids: string[];

  beforeAll(async () => {
    client = await connectWithLeads('sla_sql', 5000);
    await client.query(
      `INSERT INTO sla_clocks (membership_id, lead_id, segment_id, entered_at, due_at) SELECT gen_random_uuid(), id, gen_random_uuid(), now(), now() + interval '1 hour' FROM leads`,
    );
    await client.query('ANALYZE sla_clocks');
    ids = (await client.query(`SELECT membership_id FROM sla_clocks ORDER BY membership_id LIMIT 10`)).rows.map(
      (r) => r.membership_id,
    );
  });
  afterAll(() => client?.end());

  it('recounting due times fetches the clocks by primary key', async () => {
    // A fixed due time, counted by value: comparing a JavaScript timestamp with PostgreSQL's now() depends on the day.
    const dueAt = '2026-01-05T09:00:00.000Z';
    const rows = ids.map((membership_id) => ({ membership_id, due_at: dueAt, owner_id: null, calendar_epoch: 0 }));
    const scans = await planScansOfCall(client, (db) => updateDueTimes(db, rows));
    expect(scans).not.toContain('Seq Scan on sla_clocks');
    await updateDueTimes(rowsOf(client), rows.slice(0, 2));
    expect((await client.query(`SELECT count(*)::int AS n FROM sla_clocks WHERE due_at = $1`, [dueAt])).rows[0].n).toBe(
      2,
    );
  });

  it('recording first touches fetches the clocks by primary key', async () => {
    const rows = ids.map((membership_id) => ({
      membership_id,
      first_touch_at: new Date().toISOString(),
      kind: 'touch',
      ttft_ms: 1000,
    }));
    const scans = await planScansOfCall(client, (db) => recordFirstTouches(db, rows));
    expect(scans).not.toContain('Seq Scan on sla_clocks');
    await recordFirstTouches(rowsOf(client), rows.slice(0, 3));
    expect(
      (await client.query(`SELECT count(*)::int AS n FROM sla_clocks WHERE first_touch_at IS NOT NULL`)).rows[0].n,
    ).toBe(3);
  });
});

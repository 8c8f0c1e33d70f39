import { Pool } from 'pg';
import { runMigrations } from '../apps/api/src/database/data-source';
import { reserveTouchSlot } from '../apps/worker/src/activities/reserve-touch-slot';
import { rowsOf } from '../libs/stores/src';
import { createTestDatabase } from '../tools/testing/test-database';

// The worker's reservation against the API's migrated schema: the two apps meet only here.
describe('reserveTouchSlot (real Postgres)', () => {
  let pool: Pool;
  beforeAll(async () => {
    const url = await createTestDatabase('touch_cap');
    await runMigrations(url);
    pool = new Pool({ connectionString: url, max: 6 });
  });
  afterAll(() => pool?.end());

  const newLead = async () =>
    (await pool.query(`INSERT INTO leads (external_id) VALUES (gen_random_uuid()::text) RETURNING id`)).rows[0]
      .id as string;
  // 10:30 in Kolkata on Monday 2 March 2026; the next local day starts at 18:30 UTC.
  const now = '2026-03-02T05:00:00.000Z';
  const slot = (leadId: string, key: string, cap: number | null, at = now) =>
    reserveTouchSlot(rowsOf(pool), { leadId, key, timeZone: 'Asia/Kolkata', now: at, cap });
  const countOf = async (leadId: string) =>
    (await pool.query(`SELECT day::text, n FROM lead_touch_days WHERE lead_id = $1 ORDER BY day`, [leadId])).rows;

  it('gives at most `cap` slots per lead-local day to concurrent runs, deferring the rest to the next local midnight', async () => {
    const leadId = await newLead();
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((run) => slot(leadId, `${run}:send:1`, 2)));
    expect(results.filter((r) => r.kind === 'reserved')).toHaveLength(2);
    expect(results.filter((r) => r.kind === 'deferred')).toEqual(
      Array(3).fill({ kind: 'deferred', until: '2026-03-02T18:30:00.000Z' }),
    );
    expect(await countOf(leadId)).toEqual([{ day: '2026-03-02', n: 2 }]);
    expect(await slot(leadId, 'c:send:1', 2, '2026-03-02T18:30:00.000Z')).toEqual({ kind: 'reserved' });
    expect(await countOf(leadId)).toEqual([
      { day: '2026-03-02', n: 2 },
      { day: '2026-03-03', n: 1 },
    ]);
  });

  it('counts a retried key once', async () => {
    const leadId = await newLead();
    expect(await slot(leadId, 'r:send:1', 1)).toEqual({ kind: 'reserved' });
    expect(await slot(leadId, 'r:send:1', 1)).toEqual({ kind: 'reserved' });
    expect(await countOf(leadId)).toEqual([{ day: '2026-03-02', n: 1 }]);
  });

  it('counts touches of uncapped playbooks, which a capped one then sees', async () => {
    const leadId = await newLead();
    await slot(leadId, 'free:send:1', null);
    await slot(leadId, 'free:send:2', null);
    expect(await countOf(leadId)).toEqual([{ day: '2026-03-02', n: 2 }]);
    expect((await slot(leadId, 'capped:send:1', 2)).kind).toBe('deferred');
  });
});

import { Pool } from 'pg';
import { runMigrations } from '../apps/api/src/database/data-source';
import { SlaFixtures } from '../apps/api/src/testing/sla-fixtures';
import { queueTouch, rowsOf, type NewTouch } from '../libs/stores/src';
import { createTestDatabase } from '../tools/testing/test-database';

// The worker's send intent and cap slot (one statement) against the API's migrated schema: the two apps meet here.
describe('queueTouch: send intent and daily-cap slot (real Postgres)', () => {
  let pool: Pool;
  let version: { playbookId: string; versionId: string };
  beforeAll(async () => {
    const url = await createTestDatabase('touch_cap');
    await runMigrations(url);
    pool = new Pool({ connectionString: url, max: 6 });
    const fixtures = await SlaFixtures.connect(url);
    version = await fixtures.playbook('cap');
    await fixtures.close();
  });
  afterAll(() => pool?.end());

  /** A lead with an address of its own (a suppression is per address), `Lead-<n>@Example.in`. */
  let leads = 0;
  const newLead = async (consent = true) =>
    (
      await pool.query(
        `INSERT INTO leads (external_id, email, consent) VALUES (gen_random_uuid()::text, $1, $2) RETURNING id`,
        [`Lead-${(leads += 1)}@Example.in`, JSON.stringify({ email: consent })],
      )
    ).rows[0].id as string;
  /** A touch of a new run of the lead (runs of one lead meet only in its day's slots). */
  const newTouch = async (leadId: string, nodeId = 'send'): Promise<NewTouch> => {
    const [{ id: runId }] = (
      await pool.query(
        `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, status, ended_at) VALUES ($1, $2, $3, 1, 'exited', now()) RETURNING id`,
        [leadId, version.playbookId, version.versionId],
      )
    ).rows;
    const sender = { kind: 'fixed', ownerId: null, name: 'S', address: 's@x.test' };
    return { runId, leadId, nodeId, visit: 1, channel: 'email', subject: 'Hi', body: 'Hi', html: null, sender };
  };
  const queue = (touch: NewTouch, cap: number | null, day = '2026-03-02') =>
    queueTouch(rowsOf(pool), touch, {
      messageId: `<${touch.runId}@x.test>`,
      slot: { day, key: `${touch.runId}:${touch.nodeId}:1`, cap },
    });
  const daysOf = async (leadId: string) =>
    (await pool.query(`SELECT day::text, n FROM lead_touch_days WHERE lead_id = $1 ORDER BY day`, [leadId])).rows;
  const intentsOf = async (leadId: string) =>
    Number((await pool.query(`SELECT count(*) FROM touches WHERE lead_id = $1`, [leadId])).rows[0].count);

  it('gives at most `cap` slots per lead-local day to concurrent runs, writing an intent only with a slot', async () => {
    const leadId = await newLead();
    // Runs created one by one: the dashboards' attribution trigger does not take concurrent run inserts of a lead.
    const touches: NewTouch[] = [];
    for (let i = 0; i < 5; i += 1) touches.push(await newTouch(leadId));
    const results = await Promise.all(touches.map((t) => queue(t, 2)));
    const queued = results.filter((r) => r.touch !== null);
    expect(queued).toHaveLength(2);
    const address = queued[0]!.recipient!.address;
    expect(address).toMatch(/^lead-\d+@example\.in$/);
    expect(queued.map((r) => [r.slotHeld, r.touch!.status, r.touch!.toAddress])).toEqual(
      Array(2).fill([true, 'queued', address]),
    );
    expect(results.filter((r) => r.touch === null)).toEqual(
      Array(3).fill({ touch: null, slotHeld: false, recipient: { address, consented: true, suppressed: false } }),
    );
    expect(await daysOf(leadId)).toEqual([{ day: '2026-03-02', n: 2 }]);
    expect(await intentsOf(leadId)).toBe(2);
    const deferred = touches[results.findIndex((r) => r.touch === null)]!;
    expect((await queue(deferred, 2, '2026-03-03')).slotHeld).toBe(true);
    expect(await daysOf(leadId)).toEqual([
      { day: '2026-03-02', n: 2 },
      { day: '2026-03-03', n: 1 },
    ]);
  });

  it('returns the recorded intent to a retry, concurrent or later, and counts its key once', async () => {
    const leadId = await newLead();
    const touch = await newTouch(leadId);
    const attempts = await Promise.all([queue(touch, 1), queue(touch, 1)]);
    expect(attempts.every((r) => r.slotHeld)).toBe(true);
    const later = await queue(touch, 1);
    expect(later.touch).toEqual(expect.objectContaining({ status: 'queued', messageId: `<${touch.runId}@x.test>` }));
    expect(attempts.map((r) => r.touch?.id ?? later.touch!.id)).toEqual([later.touch!.id, later.touch!.id]);
    expect(await daysOf(leadId)).toEqual([{ day: '2026-03-02', n: 1 }]);
    expect(await intentsOf(leadId)).toBe(1);
  });

  it('counts touches of uncapped playbooks, which a capped one then sees', async () => {
    const leadId = await newLead();
    await queue(await newTouch(leadId), null);
    await queue(await newTouch(leadId), null);
    expect(await daysOf(leadId)).toEqual([{ day: '2026-03-02', n: 2 }]);
    expect(await queue(await newTouch(leadId), 2)).toEqual(expect.objectContaining({ touch: null, slotHeld: false }));
  });

  it('takes no slot and writes no intent for a lead without consent, a suppressed address or a gone lead', async () => {
    const withoutConsent = await newLead(false);
    expect(await queue(await newTouch(withoutConsent), 2)).toEqual({
      touch: null,
      slotHeld: false,
      recipient: expect.objectContaining({ consented: false, suppressed: false }),
    });
    const suppressed = await newLead();
    await pool.query(
      `INSERT INTO suppressions (channel, address, reason, source) SELECT 'email', encode(sha256(convert_to(lower(email), 'UTF8')), 'hex'), 'unsubscribe', 'spec' FROM leads WHERE id = $1`,
      [suppressed],
    );
    expect(await queue(await newTouch(suppressed), 2)).toEqual(
      expect.objectContaining({
        touch: null,
        slotHeld: false,
        recipient: expect.objectContaining({ suppressed: true }),
      }),
    );
    const gone = await newTouch(await newLead());
    await pool.query(`DELETE FROM leads WHERE id = $1`, [gone.leadId]);
    expect(await queue(gone, 2)).toEqual({ touch: null, slotHeld: false, recipient: null });
    for (const leadId of [withoutConsent, suppressed]) {
      expect(await daysOf(leadId)).toEqual([]);
      expect(await intentsOf(leadId)).toBe(0);
    }
  });
});

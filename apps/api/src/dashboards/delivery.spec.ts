import { randomUUID } from 'node:crypto';
import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';

const JAN_5 = '2026-01-05T10:00:00Z';
const JAN_7 = '2026-01-07T10:00:00Z';

// Known fixture, version 1 of "Welcome": email node `intro` with 10 touches (1 queued, 2 sent, 1 opened, 1 clicked,
// 2 replied, 1 bounced, 1 failed at send, 1 suppressed), email node `follow` (1 sent, 1 replied) two days later,
// WhatsApp node `nudge` (2 delivered, 1 replied, 1 failed after Meta took it). Version 2: one sent email.
describe('GET /api/dashboards/delivery (real Postgres)', () => {
  let api: TestApi;
  let fx: SlaFixtures;
  let playbookId: string;
  let ops: TestUser, rep: TestUser;

  async function touches(
    runId: string,
    leadId: string,
    nodeId: string,
    channel: string,
    createdAt: string,
    statuses: [string, string][],
  ): Promise<void> {
    for (const [visit, [status, delivery]] of statuses.entries()) {
      await fx.db.query(
        `INSERT INTO touches (run_id, lead_id, node_id, visit, channel, body, sender, status, delivery_status, created_at)
         VALUES ($1, $2, $3, $4, $5, 'hi', '{"kind":"fixed","ownerId":null,"name":"x","address":null}', $6, $7, $8)`,
        [runId, leadId, nodeId, visit + 1, channel, status, delivery, createdAt],
      );
    }
  }

  beforeAll(async () => {
    api = await startTestApi();
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    ops = await api.createUser({ role: 'ops' });
    rep = await api.createUser({ role: 'rep' });
    const leadId = await fx.lead();
    const segmentId = await fx.segment('Delivery');
    const playbook = await fx.playbook('Welcome');
    playbookId = playbook.playbookId;
    const v1 = await fx.run({
      leadId,
      membershipId: await fx.enter(leadId, segmentId, new Date(JAN_5)),
      segmentId,
      playbook,
      startedAt: new Date(JAN_5),
    });
    await touches(v1, leadId, 'intro', 'email', JAN_5, [
      ['queued', 'queued'],
      ['sent', 'sent'],
      ['sent', 'sent'],
      ['sent', 'opened'],
      ['sent', 'clicked'],
      ['sent', 'replied'],
      ['sent', 'replied'],
      ['sent', 'bounced'],
      ['failed', 'failed'],
      ['failed', 'suppressed'],
    ]);
    await touches(v1, leadId, 'follow', 'email', JAN_7, [
      ['sent', 'sent'],
      ['sent', 'replied'],
    ]);
    await touches(v1, leadId, 'nudge', 'whatsapp', JAN_5, [
      ['sent', 'delivered'],
      ['sent', 'delivered'],
      ['sent', 'replied'],
      ['sent', 'failed'],
    ]);
    const version2 = (
      await fx.db.query(
        `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 2, '{}') RETURNING id`,
        [playbookId],
      )
    ).rows[0].id;
    const otherLead = await fx.lead();
    const v2 = (
      await fx.db.query(
        `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, segment_id, membership_id, started_at) VALUES ($1, $2, $3, 2, $4, $5, $6) RETURNING id`,
        [otherLead, playbookId, version2, segmentId, randomUUID(), JAN_5],
      )
    ).rows[0].id;
    await touches(v2, otherLead, 'intro', 'email', JAN_5, [['sent', 'sent']]);
  });
  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  const get = (query: string, caller: TestUser = ops) =>
    api.requestAs(caller, 'GET', `/api/dashboards/delivery?${query}`);
  const row = (rows: any[], version: number, channel: string, nodeId: string | null) =>
    rows.find((r) => r.playbookVersion === version && r.channel === channel && r.nodeId === nodeId);

  it('counts touches by status per node and rates a touch that went further as having passed the earlier steps', async () => {
    const response = await get(`playbookId=${playbookId}&version=1`);
    expect(response.status).toBe(200);
    const intro = row(response.body, 1, 'email', 'intro');
    expect(intro).toMatchObject({
      playbookName: 'Welcome',
      touches: 10,
      sent: 7,
      attempted: 9,
      byStatus: {
        queued: 1,
        sent: 2,
        delivered: 0,
        opened: 1,
        clicked: 1,
        replied: 2,
        bounced: 1,
        failed: 1,
        suppressed: 1,
      },
    });
    expect(intro.rates).toEqual({
      delivered: 4 / 7,
      opened: 4 / 7,
      clicked: 3 / 7,
      replied: 2 / 7,
      bounced: 1 / 7,
      failed: 1 / 9,
      suppressed: 1 / 9,
    });
    const nudge = row(response.body, 1, 'whatsapp', 'nudge');
    expect(nudge).toMatchObject({ touches: 4, sent: 4, attempted: 4 });
    expect(nudge.rates).toEqual({
      delivered: 3 / 4,
      opened: 1 / 4,
      clicked: 1 / 4,
      replied: 1 / 4,
      bounced: 0,
      failed: 1 / 4,
      suppressed: 0,
    });
    expect(response.body.every((r: any) => r.playbookVersion === 1)).toBe(true);
  });

  it('sums every node of a version per channel (nodeId null)', async () => {
    const rows = (await get(`playbookId=${playbookId}`)).body;
    const email = row(rows, 1, 'email', null);
    expect(email).toMatchObject({ touches: 12, sent: 9, attempted: 11 });
    expect(email.rates).toMatchObject({ delivered: 5 / 9, replied: 3 / 9, bounced: 1 / 9 });
    expect(row(rows, 1, 'whatsapp', null)).toMatchObject({ touches: 4, sent: 4 });
    expect(row(rows, 2, 'email', null)).toMatchObject({ touches: 1, sent: 1, rates: { delivered: 0, replied: 0 } });
  });

  it('filters by creation time, from inclusive and to exclusive', async () => {
    const rows = (await get(`playbookId=${playbookId}&version=1&from=2026-01-06&to=${JAN_7}`)).body;
    expect(rows).toEqual([]);
    const later = (await get(`playbookId=${playbookId}&version=1&from=2026-01-06&to=2026-01-08`)).body;
    expect(later.map((r: any) => r.nodeId)).toEqual([null, 'follow']);
  });

  it('names the field of a bad query', async () => {
    const response = await get('version=1');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('version needs playbookId');
    expect((await get('playbookId=nope')).status).toBe(400);
  });

  it('answers managers and ops, refuses reps', async () => {
    expect((await get(`playbookId=${playbookId}`, rep)).status).toBe(403);
    const manager = await api.createUser({ role: 'manager' });
    expect((await get(`playbookId=${playbookId}`, manager)).status).toBe(200);
  });
});

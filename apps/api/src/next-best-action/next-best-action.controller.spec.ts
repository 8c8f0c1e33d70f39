import { randomUUID } from 'node:crypto';
import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';

const MINUTE = 60_000;
const DAY = 86_400_000;

// Known fixtures (all inside the 90-day window, dated from the real clock two days back, as the dashboard specs are):
// "Proven": Demo push 56/70 treated vs 48/80 held out converted → lift 0.2, Newcombe 95 % [0.0524, 0.3339].
// "Taken": no holdout; Warm mail's 200 email touches with 40 replies vs Chat first's 150 WhatsApp touches with 9.
// "Thin": 10 treated and 3 held-out runs: not enough data.
describe('next best action per segment (real PostgreSQL)', () => {
  let api: TestApi;
  let fx: SlaFixtures;
  let ops: TestUser, manager: TestUser;
  let proven: string, taken: string, thin: string;
  let demoPush: { playbookId: string; versionId: string };
  let warmMail: { playbookId: string; versionId: string };
  let chatFirst: { playbookId: string; versionId: string };
  const base = new Date(Date.now() - 2 * DAY);
  const at = (minutes: number) => new Date(base.getTime() + minutes * MINUTE);

  const enrol = async (segmentId: string, playbook: typeof demoPush, heldOut: boolean, converts: boolean) => {
    const leadId = await fx.lead();
    const membershipId = await fx.enter(leadId, segmentId, at(0));
    const runId = await fx.run({
      leadId,
      membershipId,
      segmentId,
      playbook,
      startedAt: at(0),
      status: heldOut ? 'heldOut' : 'active',
    });
    if (converts) await fx.event(leadId, 'purchase', at(60));
    return { leadId, runId };
  };
  const touches = async (
    segmentId: string,
    playbook: typeof demoPush,
    channel: string,
    sent: number,
    replied: number,
  ) => {
    const { leadId, runId } = await enrol(segmentId, playbook, false, false);
    for (let i = 0; i < sent; i += 1) await fx.touch({ leadId, runId, channel, createdAt: at(i) });
    await fx.db.query(
      `UPDATE touches SET delivery_status = 'replied' WHERE id IN (SELECT id FROM touches WHERE run_id = $1 LIMIT $2)`,
      [runId, replied],
    );
  };

  beforeAll(async () => {
    api = await startTestApi();
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    ops = await api.createUser({ role: 'ops' });
    manager = await api.createUser({ role: 'manager' });
    [proven, taken, thin] = [await fx.segment('Proven'), await fx.segment('Taken'), await fx.segment('Thin')];
    demoPush = await fx.playbook('Demo push');
    warmMail = await fx.playbook('Warm mail');
    chatFirst = await fx.playbook('Chat first');
    for (let i = 0; i < 70; i += 1) await enrol(proven, demoPush, false, i < 56);
    for (let i = 0; i < 80; i += 1) await enrol(proven, demoPush, true, i < 48);
    await touches(taken, warmMail, 'email', 200, 40);
    await touches(taken, chatFirst, 'whatsapp', 150, 9);
    for (let i = 0; i < 13; i += 1) await enrol(thin, demoPush, i >= 10, i < 4);
    const bound = await api.request('PUT', `/api/playbooks/${chatFirst.playbookId}/binding`, {
      segmentId: taken,
      holdoutPercent: 0,
    });
    expect(bound.status).toBe(200);
  });
  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  it('recommends the playbook with the best lift over its holdout, with interval and sample size', async () => {
    const response = await api.requestAs(manager, 'GET', `/api/segments/${proven}/next-best-action`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      segmentId: proven,
      segmentName: 'Proven',
      status: 'recommend',
      playbookId: demoPush.playbookId,
      playbookName: 'Demo push',
      basis: 'lift',
      estimate: expect.closeTo(0.2, 10),
      low: expect.closeTo(0.0524, 4),
      high: expect.closeTo(0.3339, 4),
      sampleSize: 150,
      boundPlaybookId: null,
      alternatives: [],
    });
  });

  it('recommends by reply rate without a holdout, and names what is missing where nothing is measured', async () => {
    const reply = (await api.requestAs(manager, 'GET', `/api/segments/${taken}/next-best-action`)).body;
    expect(reply).toMatchObject({
      status: 'recommend',
      playbookId: warmMail.playbookId,
      channel: 'email',
      basis: 'reply_rate',
      estimate: 0.2,
      sampleSize: 200,
      boundPlaybookId: chatFirst.playbookId,
    });
    expect(reply.alternatives).toEqual([expect.objectContaining({ playbookName: 'Chat first', channel: 'whatsapp' })]);

    const none = (await api.requestAs(manager, 'GET', `/api/segments/${thin}/next-best-action`)).body;
    expect(none).toMatchObject({
      status: 'not_enough_data',
      missing: [
        'needs ≥ 30 held-out and ≥ 30 treated leads of one playbook (most: "Demo push" with 3 held out, 10 treated)',
        "needs ≥ 100 sent touches on a playbook's channel",
      ],
    });
    expect(
      (
        await api.requestAs(ops, 'POST', `/api/segments/${thin}/next-best-action/apply`, {
          playbookId: demoPush.playbookId,
        })
      ).status,
    ).toBe(409);
  });

  it('applies the recommendation in one step for ops, audit-logged, and then says already applied', async () => {
    const url = `/api/segments/${proven}/next-best-action/apply`;
    expect((await api.requestAs(manager, 'POST', url, { playbookId: demoPush.playbookId })).status).toBe(403);
    const stale = await api.requestAs(ops, 'POST', url, { playbookId: warmMail.playbookId });
    expect(stale).toMatchObject({ status: 409, body: { field: 'playbookId', playbookId: demoPush.playbookId } });

    const applied = await api.requestAs(ops, 'POST', url, { playbookId: demoPush.playbookId });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ status: 'already_applied', boundPlaybookId: demoPush.playbookId });
    const playbook = (await api.request('GET', `/api/playbooks/${demoPush.playbookId}`)).body;
    expect(playbook).toMatchObject({ segmentId: proven, holdoutPercent: 10 });
    const audit = (await api.request('GET', `/api/audit?entityId=${demoPush.playbookId}&action=segment.bound`)).body;
    expect(audit.entries).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: ops.id }),
        after: { segmentId: proven, holdoutPercent: 10 },
      }),
    ]);
    // Applying again changes nothing.
    expect((await api.requestAs(ops, 'POST', url, { playbookId: demoPush.playbookId })).body.status).toBe(
      'already_applied',
    );
  });

  it('answers a segment bound to another playbook with the binding conflict, and bad input with its field', async () => {
    const conflict = await api.requestAs(ops, 'POST', `/api/segments/${taken}/next-best-action/apply`, {
      playbookId: warmMail.playbookId,
    });
    expect(conflict).toMatchObject({ status: 409, body: { field: 'segmentId', playbookName: 'Chat first' } });
    const bad = await api.requestAs(ops, 'POST', `/api/segments/${taken}/next-best-action/apply`, {
      playbookId: warmMail.playbookId,
      holdoutPercent: 80,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('holdoutPercent');
    expect((await api.request('GET', '/api/segments/not-a-uuid/next-best-action')).status).toBe(400);
    // The fixtures' segments belong to no trained model, so none of them is live.
    expect((await api.request('GET', '/api/segments/next-best-actions')).body).toEqual([]);
    expect((await api.request('GET', `/api/segments/${randomUUID()}/next-best-action`)).status).toBe(404);
  });
});

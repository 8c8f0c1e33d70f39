import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe('rep access to leads (real Postgres)', () => {
  let api: TestApi;
  let fx: SlaFixtures;
  let asha: TestUser, bala: TestUser, manager: TestUser, ops: TestUser;
  const leads: Record<string, string> = {};
  const runs: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    manager = await api.createUser({ role: 'manager' });
    expect(
      (await api.request('POST', '/api/teams', { id: 'north', name: 'North', managerId: manager.id })).status,
    ).toBe(201);
    asha = await api.createUser({ role: 'rep', name: 'Asha', teamId: 'north' });
    bala = await api.createUser({ role: 'rep', name: 'Bala', teamId: 'north' });
    ops = await api.createUser({ role: 'ops' });
    const segmentId = await fx.segment('Warm');
    const playbook = await fx.playbook('Follow up');
    // owned: Asha owns it. tasked: Bala owns it but Asha has an open task on it. closed: Asha's task there is done.
    // balas: Bala's only.
    for (const [name, owner] of [
      ['owned', asha],
      ['tasked', bala],
      ['closed', bala],
      ['balas', bala],
    ] as const) {
      leads[name] = await fx.lead({ name, ownerId: owner.id });
      const membershipId = await fx.enter(leads[name], segmentId, minutesAgo(10));
      runs[name] = await fx.run({ leadId: leads[name], membershipId, segmentId, playbook, startedAt: minutesAgo(10) });
      await fx.touch({
        leadId: leads[name],
        runId: runs[name],
        channel: 'email',
        createdAt: minutesAgo(9),
        ownerId: owner.id,
      });
    }
    await fx.task({ leadId: leads.tasked, runId: runs.tasked, assigneeId: asha.id, createdAt: minutesAgo(5) });
    await fx.task({
      leadId: leads.closed,
      runId: runs.closed,
      assigneeId: asha.id,
      createdAt: minutesAgo(5),
      closedAt: minutesAgo(1),
    });
  });
  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  it('lists to a rep only the leads they own or hold an open task for, filters still applying', async () => {
    const mine = await api.requestAs(asha, 'GET', '/api/leads');
    expect(mine.status).toBe(200);
    expect(mine.body.map((l: any) => l.name).sort()).toEqual(['owned', 'tasked']);
    expect((await api.requestAs(asha, 'GET', '/api/leads?search=tasked')).body.map((l: any) => l.name)).toEqual([
      'tasked',
    ]);
    // An owner filter cannot widen a rep's view.
    expect((await api.requestAs(asha, 'GET', `/api/leads?ownerId=${bala.id}`)).body.map((l: any) => l.name)).toEqual([
      'tasked',
    ]);
    expect((await api.requestAs(bala, 'GET', '/api/leads')).body.map((l: any) => l.name).sort()).toEqual([
      'balas',
      'closed',
      'tasked',
    ]);
  });

  it('leaves ops and managers seeing every lead', async () => {
    for (const user of [ops, manager]) {
      expect((await api.requestAs(user, 'GET', '/api/leads')).body.map((l: any) => l.name).sort()).toEqual([
        'balas',
        'closed',
        'owned',
        'tasked',
      ]);
      expect((await api.requestAs(user, 'GET', `/api/leads/${leads.balas}`)).status).toBe(200);
    }
  });

  it("opens a rep's own lead with its runs (tasks inside) and touches", async () => {
    for (const name of ['owned', 'tasked']) {
      const detail = await api.requestAs(asha, 'GET', `/api/leads/${leads[name]}`);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ id: leads[name], name });
      const listedRuns = await api.requestAs(asha, 'GET', `/api/runs?leadId=${leads[name]}`);
      expect(listedRuns.body.map((r: any) => r.id)).toEqual([runs[name]]);
      const run = await api.requestAs(asha, 'GET', `/api/runs/${runs[name]}`);
      expect(run.status).toBe(200);
      expect(run.body.tasks.length).toBe(name === 'tasked' ? 1 : 0);
      expect((await api.requestAs(asha, 'GET', `/api/touches?leadId=${leads[name]}`)).body).toHaveLength(1);
    }
  });

  it("answers 403 to a rep opening another rep's lead, its runs or its touches (a closed task gives no access)", async () => {
    for (const name of ['balas', 'closed']) {
      const detail = await api.requestAs(asha, 'GET', `/api/leads/${leads[name]}`);
      expect(detail.status).toBe(403);
      expect(detail.body.message).toMatch(/not yours/);
      expect((await api.requestAs(asha, 'GET', `/api/runs?leadId=${leads[name]}`)).status).toBe(403);
      expect((await api.requestAs(asha, 'GET', `/api/runs/${runs[name]}`)).status).toBe(403);
      expect((await api.requestAs(asha, 'GET', `/api/touches?leadId=${leads[name]}`)).status).toBe(403);
    }
    // By externalId too, not only by id.
    const [{ external_id: externalId }] = (
      await fx.db.query(`SELECT external_id FROM leads WHERE id = $1`, [leads.balas])
    ).rows;
    expect((await api.requestAs(asha, 'GET', `/api/leads/${encodeURIComponent(externalId)}`)).status).toBe(403);
  });

  it('makes a rep name a lead to list runs or touches, and keeps lead writes and run control for others', async () => {
    const runsWithoutLead = await api.requestAs(asha, 'GET', '/api/runs');
    expect(runsWithoutLead.status).toBe(400);
    expect(runsWithoutLead.body.issues).toEqual([
      { field: 'leadId', reason: expect.stringMatching(/required for reps/) },
    ]);
    expect((await api.requestAs(asha, 'GET', '/api/touches')).status).toBe(400);
    expect((await api.requestAs(asha, 'POST', '/api/leads', { externalId: 'rep-made' })).status).toBe(403);
    expect((await api.requestAs(asha, 'POST', `/api/runs/${runs.owned}/stop`, { reason: 'x' })).status).toBe(403);
  });

  it('follows a reassignment: the new owner gains the lead, the old one loses it', async () => {
    const [{ id: taskId }] = (await fx.db.query(`SELECT id FROM tasks WHERE lead_id = $1`, [leads.tasked])).rows;
    expect(
      (
        await api.requestAs(manager, 'POST', `/api/inbox/tasks/${taskId}/reassign`, {
          repId: bala.id,
          reason: 'Bala knows them',
        })
      ).status,
    ).toBe(204);
    expect((await api.requestAs(asha, 'GET', `/api/leads/${leads.tasked}`)).status).toBe(403);
    expect((await api.requestAs(bala, 'GET', `/api/leads/${leads.tasked}`)).status).toBe(200);
  });
});

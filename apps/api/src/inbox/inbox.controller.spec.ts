import { insertRunTask, rowsOf } from '@segflow/stores';
import { auditTrailOf } from '../testing/audit-trail';
import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';

const MINUTE = 60_000;
const minutesAgo = (m: number) => new Date(Date.now() - m * MINUTE);

describe('inbox and SLA escalation (real Postgres)', () => {
  let api: TestApi;
  let fx: SlaFixtures;
  let manager: TestUser, asha: TestUser, bala: TestUser, ops: TestUser;
  let segmentId: string;
  const tasks: Record<string, string> = {};
  const leads: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    manager = await api.createUser({ role: 'manager', name: 'Meera Manager' });
    expect((await api.request('POST', '/api/teams', { id: 'west', name: 'West', managerId: manager.id })).status).toBe(
      201,
    );
    asha = await api.createUser({ role: 'rep', name: 'Asha', teamId: 'west' });
    bala = await api.createUser({ role: 'rep', name: 'Bala', teamId: 'west' });
    ops = await api.createUser({ role: 'ops' });
    segmentId = await fx.segment('High intent');
    const policy = await api.requestAs(ops, 'POST', '/api/sla/policies', {
      segmentId,
      firstTouchWithinMinutes: 5,
      clock: 'wall',
    });
    expect(policy.status).toBe(201);
    const playbook = await fx.playbook('Call fast');
    // fresh: entered 2 min ago (due in 3); late: entered 10 min ago (breached); bala's: entered 1 min ago.
    for (const [name, owner, enteredMinutesAgo] of [
      ['fresh', asha, 2],
      ['late', asha, 10],
      ['balas', bala, 1],
    ] as const) {
      leads[name] = await fx.lead({ name, ownerId: owner.id });
      const membershipId = await fx.enter(leads[name], segmentId, minutesAgo(enteredMinutesAgo));
      const runId = await fx.run({
        leadId: leads[name],
        membershipId,
        segmentId,
        playbook,
        startedAt: minutesAgo(enteredMinutesAgo),
      });
      tasks[name] = await fx.task({
        leadId: leads[name],
        runId,
        assigneeId: owner.id,
        createdAt: minutesAgo(enteredMinutesAgo - 0.5),
        dueAt: minutesAgo(-60),
      });
    }
    await fx.event(leads.fresh, 'page_view', minutesAgo(3), { url: '/pricing' });
  });
  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  it('opens SLA clocks, detects the missed one and notifies the team manager once', async () => {
    const first = await api.request('POST', '/api/sla/check');
    expect(first.body).toEqual({ clocksOpened: 3, firstTouches: 0, breaches: 1 });
    const again = await api.request('POST', '/api/sla/check');
    expect(again.body).toEqual({ clocksOpened: 0, firstTouches: 0, breaches: 0 });
    const notes = await api.requestAs(manager, 'GET', '/api/notifications');
    expect(notes.body).toEqual([
      expect.objectContaining({
        kind: 'sla_breach',
        title: 'SLA breached: late',
        data: expect.objectContaining({ leadId: leads.late }),
      }),
    ]);
    expect((await api.requestAs(asha, 'GET', '/api/notifications')).body).toEqual([]);
  });

  it('shows a rep only their own open tasks, most urgent SLA first, with why-now signals', async () => {
    const inbox = await api.requestAs(asha, 'GET', '/api/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body.map((t: any) => t.lead.name)).toEqual(['late', 'fresh']);
    expect(inbox.body[0]).toMatchObject({
      slaBreached: true,
      segment: { name: 'High intent' },
      step: { playbookName: 'Call fast', version: 1 },
    });
    const fresh = inbox.body[1];
    expect(fresh.whyNow).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^entered High intent/),
        expect.stringMatching(/first touch due in [0-9]+ min/),
        expect.stringMatching(/page view .*\/pricing/),
      ]),
    );
    expect(fresh.recentEvents).toEqual([expect.objectContaining({ type: 'page_view' })]);
    expect((await api.requestAs(asha, 'GET', `/api/inbox?repId=${bala.id}`)).status).toBe(403);
  });

  // The README's "Inbox order" rule: 0.5·urgency + 0.25·priority + 0.25·likelihood (score / 100), no SLA clock here.
  it('ranks by SLA urgency, task priority and conversion likelihood, and says why the first is first', async () => {
    const east = await api.request('POST', '/api/teams', { id: 'east', name: 'East', managerId: manager.id });
    expect(east.status).toBe(201);
    const chandra = await api.createUser({ role: 'rep', name: 'Chandra', teamId: 'east' });
    for (const [name, dueInMinutes, priority, score] of [
      ['soon-unlikely', 30, 'normal', 5], // 0.5·2^(−30/120) + 0.125 + 0.0125 ≈ 0.558
      ['later-likely', 60, 'normal', 95], // 0.5·2^(−60/120) + 0.125 + 0.2375 ≈ 0.716
      ['overdue-low', -3, 'low', 10], // 0.5 + 0.0625 + 0.025 = 0.5875
      ['tomorrow-urgent', 24 * 60, 'urgent', 90], // ≈ 0 + 0.25 + 0.225 = 0.475
    ] as const) {
      const leadId = await fx.lead({ name, ownerId: chandra.id });
      await fx.score(leadId, score);
      await fx.task({
        leadId,
        assigneeId: chandra.id,
        createdAt: minutesAgo(5),
        dueAt: minutesAgo(-dueInMinutes),
        priority,
      });
    }
    const inbox = await api.requestAs(chandra, 'GET', '/api/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body.map((t: any) => t.lead.name)).toEqual([
      'later-likely',
      'overdue-low',
      'soon-unlikely',
      'tomorrow-urgent',
    ]);
    expect(inbox.body[0].rank).toEqual({
      value: expect.closeTo(0.716, 2),
      urgency: expect.closeTo(0.707, 2),
      priority: 0.5,
      likelihood: expect.closeTo(0.95, 5),
      why: expect.stringMatching(/^task due in (59|60) min · normal priority · 95% likely to convert$/),
    });
    expect(inbox.body[1].rank.why).toMatch(/^task overdue by [34] min · low priority · 10% likely to convert$/);
    const page = await api.requestAs(chandra, 'GET', '/api/inbox?limit=2');
    expect(page.body.map((t: any) => t.lead.name)).toEqual(['later-likely', 'overdue-low']);
  });

  // LinkedIn has no sending API: a LinkedIn `send` becomes a rep task carrying the rendered message, stored as the
  // worker's createTask activity stores it, and the inbox hands the rep that message and where to send it.
  it('gives the rep the rendered message and the LinkedIn profile of a LinkedIn touch task', async () => {
    const dev = await api.createUser({ role: 'rep', name: 'Dev', teamId: 'west' });
    const leadId = await fx.lead({ name: 'linkedin-lead', ownerId: dev.id });
    await fx.db.query(`UPDATE leads SET linkedin_url = $2 WHERE id = $1`, [
      leadId,
      'https://www.linkedin.com/in/linkedin-lead',
    ]);
    const membershipId = await fx.enter(leadId, segmentId, minutesAgo(1));
    const runId = await fx.run({
      leadId,
      membershipId,
      segmentId,
      playbook: await fx.playbook('Nurture'),
      startedAt: minutesAgo(1),
    });
    const body = 'Hi Linkedin, saw your team is hiring in Pune.\n— Dev';
    await insertRunTask(rowsOf(fx.db), {
      runId,
      command: {
        kind: 'createTask',
        key: `${runId}:linkedin:1`,
        nodeId: 'linkedin',
        visit: 1,
        leadId,
        taskType: 'linkedin',
        title: 'Send a LinkedIn message',
        description: body,
        priority: 'normal',
        dueAt: new Date().toISOString(),
        assigneeId: dev.id,
        waitForCompletion: false,
        touch: { channel: 'linkedin', body },
      },
    });
    const callId = await fx.task({ leadId, assigneeId: dev.id, createdAt: minutesAgo(1), title: 'Call after' });
    const inbox = await api.requestAs(dev, 'GET', '/api/inbox');
    expect(inbox.status).toBe(200);
    const byType = Object.fromEntries(inbox.body.map((t: any) => [t.taskType, t]));
    expect(byType.linkedin).toMatchObject({
      title: 'Send a LinkedIn message',
      touch: { channel: 'linkedin', body },
      lead: { name: 'linkedin-lead', linkedinUrl: 'https://www.linkedin.com/in/linkedin-lead' },
    });
    expect(byType.call).toMatchObject({ id: callId, touch: null });
  });

  it("answers 401 without credentials and 403 to a rep acting on another rep's task or to ops", async () => {
    expect((await api.requestAs('anonymous', 'GET', '/api/inbox')).status).toBe(401);
    expect((await api.requestAs(ops, 'GET', '/api/inbox')).status).toBe(403);
    for (const [path, body] of [
      ['complete', { outcome: 'connected' }],
      ['snooze', { until: minutesAgo(-30) }],
      ['notes', { body: 'hi' }],
    ] as const) {
      expect((await api.requestAs(asha, 'POST', `/api/inbox/tasks/${tasks.balas}/${path}`, body)).status).toBe(403);
    }
    expect(
      (await api.requestAs(asha, 'POST', `/api/inbox/tasks/${tasks.balas}/reassign`, { repId: asha.id })).status,
    ).toBe(403);
    expect((await api.requestAs(asha, 'GET', `/api/inbox/tasks/${tasks.balas}/activity`)).status).toBe(403);
  });

  it('completes a task with an outcome and records the first touch with its human/system split', async () => {
    const done = await api.requestAs(asha, 'POST', `/api/inbox/tasks/${tasks.fresh}/complete`, {
      outcome: 'connected',
      note: 'Booked a follow-up',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: tasks.fresh, status: 'done', outcome: 'connected' });
    expect(
      (await api.requestAs(asha, 'POST', `/api/inbox/tasks/${tasks.fresh}/complete`, { outcome: 'connected' })).status,
    ).toBe(409);
    expect(
      (await api.requestAs(asha, 'POST', `/api/inbox/tasks/${tasks.late}/complete`, { outcome: 'maybe' })).status,
    ).toBe(400);
    expect((await api.request('POST', '/api/sla/check')).body).toMatchObject({ firstTouches: 1 });
    const { rows } = await fx.db.query(`SELECT * FROM sla_clocks WHERE lead_id = $1`, [leads.fresh]);
    expect(rows[0]).toMatchObject({ first_touch_kind: 'task', rep_id: asha.id, channel: 'call' });
    expect(rows[0].ttft_ms).toBeGreaterThan(1.9 * MINUTE);
    expect(rows[0].human_delay_ms).toBeGreaterThan(1.4 * MINUTE);
    expect(rows[0].system_delay_ms + rows[0].human_delay_ms).toBeCloseTo(rows[0].ttft_ms, 3);
    const activity = await api.requestAs(asha, 'GET', `/api/inbox/tasks/${tasks.fresh}/activity`);
    expect(activity.body.map((a: any) => a.kind)).toEqual(['note', 'completed']);
  });

  it('snoozes a task out of the inbox until the time given', async () => {
    expect(
      (await api.requestAs(asha, 'POST', `/api/inbox/tasks/${tasks.late}/snooze`, { until: minutesAgo(-30) })).status,
    ).toBe(204);
    expect((await api.requestAs(asha, 'GET', '/api/inbox')).body).toEqual([]);
    expect(
      (await api.requestAs(asha, 'POST', `/api/inbox/tasks/${tasks.late}/snooze`, { until: minutesAgo(1) })).status,
    ).toBe(400);
  });

  it("lets the team's manager reassign a task and its lead to another rep", async () => {
    const moved = await api.requestAs(manager, 'POST', `/api/inbox/tasks/${tasks.balas}/reassign`, {
      repId: asha.id,
      reason: 'Bala is out',
    });
    expect(moved.status).toBe(204);
    expect((await api.requestAs(bala, 'GET', '/api/inbox')).body).toEqual([]);
    expect((await api.requestAs(asha, 'GET', '/api/inbox')).body.map((t: any) => t.id)).toEqual([tasks.balas]);
    const managerView = await api.requestAs(manager, 'GET', `/api/inbox?repId=${asha.id}`);
    expect(managerView.body.map((t: any) => t.id)).toEqual([tasks.balas]);
    const { rows } = await fx.db.query(`SELECT owner_id FROM leads WHERE id = $1`, [leads.balas]);
    expect(rows[0].owner_id).toBe(asha.id);
    // Asha's refused attempt left nothing; the reason (free text that may name the lead) stays out of the log.
    expect(await auditTrailOf(rowsOf(fx.db), 'lead', leads.balas)).toEqual([
      expect.objectContaining({
        action: 'lead.reassigned',
        actor: { kind: 'user', id: manager.id, label: manager.email },
        before: { ownerId: bala.id },
        after: { ownerId: asha.id, taskId: tasks.balas },
      }),
    ]);
  });

  it('keeps SLA policies to ops and managers', async () => {
    expect((await api.requestAs(asha, 'GET', '/api/sla/policies')).status).toBe(403);
    expect((await api.requestAs(asha, 'POST', '/api/sla/check')).status).toBe(403);
    expect((await api.requestAs('anonymous', 'GET', '/api/sla/policies')).status).toBe(401);
    expect((await api.requestAs(manager, 'GET', '/api/sla/policies')).body).toEqual([
      expect.objectContaining({ segmentId, firstTouchWithinMinutes: 5 }),
    ]);
    const bad = await api.requestAs(ops, 'POST', '/api/sla/policies', {
      segmentId,
      firstTouchWithinMinutes: 5,
      clock: 'business',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ field: 'calendar' })]);
  });
});

describe('SLA breach with reassignment', () => {
  let api: TestApi;
  let fx: SlaFixtures;
  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  it('moves the late lead to the least-loaded available teammate, skipping one out of office', async () => {
    api = await startTestApi();
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    const manager = await api.createUser({ role: 'manager' });
    await api.request('POST', '/api/teams', { id: 'east', name: 'East', managerId: manager.id });
    const [owner, away, free] = [
      await api.createUser({ role: 'rep', name: 'Owner', teamId: 'east' }),
      await api.createUser({ role: 'rep', name: 'Away', teamId: 'east' }),
      await api.createUser({ role: 'rep', name: 'Free', teamId: 'east' }),
    ];
    expect(
      (
        await api.requestAs(manager, 'POST', `/api/users/${away.id}/out-of-office`, {
          startsAt: minutesAgo(60),
          endsAt: minutesAgo(-600),
        })
      ).status,
    ).toBe(201);
    const segmentId = await fx.segment('Hot');
    await api.request('POST', '/api/sla/policies', {
      segmentId,
      firstTouchWithinMinutes: 1,
      clock: 'wall',
      reassignOnBreach: true,
    });
    const leadId = await fx.lead({ ownerId: owner.id });
    await fx.enter(leadId, segmentId, minutesAgo(5));
    const taskId = await fx.task({ leadId, assigneeId: owner.id, createdAt: minutesAgo(4) });
    expect((await api.request('POST', '/api/sla/check')).body).toMatchObject({ breaches: 1 });
    const { rows } = await fx.db.query(`SELECT assignee_id FROM tasks WHERE id = $1`, [taskId]);
    expect(rows[0].assignee_id).toBe(free.id);
    const [note] = (await api.requestAs(manager, 'GET', '/api/notifications')).body;
    expect(note.body).toMatch(/reassigned to Free/);
    expect(await auditTrailOf(rowsOf(fx.db), 'lead', leadId)).toEqual([
      expect.objectContaining({
        action: 'lead.reassigned',
        actor: { kind: 'system', id: null, label: null },
        before: { ownerId: owner.id },
        after: { ownerId: free.id, reason: 'sla_breach' },
      }),
    ]);
  });
});

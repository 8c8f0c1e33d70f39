import { percentile } from '@segflow/sla';
import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Known fixture: four leads enter "Hot" two days ago; each task is created one minute after entry and completed
// 10/20/30/40 minutes after entry. Policy: 30 minutes, wall clock. Expected by hand (Hyndman–Fan type 7, as
// percentile_cont): TTFT p50 25 min, p90 37 min; human p50 24 min; system p50 1 min; breach rate 1/4.
describe('manager dashboards (metric SQL on known fixtures)', () => {
  let api: TestApi;
  let fx: SlaFixtures;
  let manager: TestUser, rep1: TestUser, rep2: TestUser;
  let hot: string, cold: string;
  const base = new Date(Date.now() - 2 * DAY);
  const at = (minutes: number) => new Date(base.getTime() + minutes * MINUTE);
  const range = `from=${new Date(Date.now() - 3 * DAY).toISOString()}&to=${new Date(Date.now() + MINUTE).toISOString()}`;

  beforeAll(async () => {
    api = await startTestApi();
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    manager = await api.createUser({ role: 'manager' });
    await api.request('POST', '/api/teams', { id: 'north', name: 'North', managerId: manager.id });
    rep1 = await api.createUser({ role: 'rep', name: 'Rep One', teamId: 'north' });
    rep2 = await api.createUser({ role: 'rep', name: 'Rep Two', teamId: 'north' });
    hot = await fx.segment('Hot');
    cold = await fx.segment('Cold');
    await api.request('POST', '/api/sla/policies', { segmentId: hot, firstTouchWithinMinutes: 30, clock: 'wall' });
    await api.request('POST', '/api/sla/policies', { segmentId: cold, firstTouchWithinMinutes: 60, clock: 'wall' });
    const playbook = await fx.playbook('Hot follow-up');
    for (const [i, doneAfter] of [10, 20, 30, 40].entries()) {
      const owner = i < 2 ? rep1 : rep2;
      const leadId = await fx.lead({ ownerId: owner.id });
      const membershipId = await fx.enter(leadId, hot, at(i));
      const runId = await fx.run({ leadId, membershipId, segmentId: hot, playbook, startedAt: at(i) });
      await fx.task({ leadId, runId, assigneeId: owner.id, createdAt: at(i + 1), closedAt: at(i + doneAfter) });
      await fx.touch({ leadId, runId, channel: 'email', createdAt: at(i + 60), ownerId: owner.id });
      if (i === 0) await fx.event(leadId, 'email_reply', at(i + 90));
      if (i === 1) await fx.event(leadId, 'demo_booked', at(i + 120));
      if (i === 2) await fx.event(leadId, 'purchase', at(i + 200));
    }
    // Holdout of the same segment: two leads, one converts anyway; held-out entries get no SLA clock.
    for (const converts of [true, false]) {
      const leadId = await fx.lead();
      const membershipId = await fx.enter(leadId, hot, at(5));
      await fx.run({ leadId, membershipId, segmentId: hot, playbook, startedAt: at(5), status: 'heldOut' });
      if (converts) await fx.event(leadId, 'purchase', at(300));
    }
    // Cold: two entries nobody touched.
    for (const i of [0, 1]) await fx.enter(await fx.lead(), cold, at(i));
    expect((await api.request('POST', '/api/sla/check')).body).toMatchObject({ clocksOpened: 6, firstTouches: 4 });
  });
  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  it('computes TTFT percentiles, delay split, breach rate and activity per segment in Postgres', async () => {
    const response = await api.requestAs(manager, 'GET', `/api/dashboards/summary?groupBy=segment&${range}`);
    expect(response.status).toBe(200);
    const row = response.body.find((r: any) => r.label === 'Hot');
    expect(row).toMatchObject({
      entries: 4,
      touched: 4,
      breaches: 1,
      breachRate: 0.25,
      touches: 4,
      replies: 1,
      meetings: 1,
      conversions: 1,
    });
    expect(row.ttftP50Ms).toBeCloseTo(25 * MINUTE, 3);
    expect(row.ttftP90Ms).toBeCloseTo(37 * MINUTE, 3);
    expect(row.humanDelayP50Ms).toBeCloseTo(24 * MINUTE, 3);
    expect(row.systemDelayP50Ms).toBeCloseTo(1 * MINUTE, 3);
    // The same numbers as the TypeScript percentile of libs/sla.
    expect(row.ttftP90Ms).toBeCloseTo(
      percentile(
        [10, 20, 30, 40].map((m) => m * MINUTE),
        90,
      )!,
      3,
    );
    // Cold: two untouched entries long past due → both breached, no TTFT.
    expect(response.body.find((r: any) => r.label === 'Cold')).toMatchObject({
      entries: 2,
      touched: 0,
      breaches: 2,
      breachRate: 1,
      ttftP50Ms: null,
    });
  });

  it('groups by rep, playbook version and channel', async () => {
    const byRep = (await api.requestAs(manager, 'GET', `/api/dashboards/summary?groupBy=rep&${range}`)).body;
    const one = byRep.find((r: any) => r.label === 'Rep One');
    const two = byRep.find((r: any) => r.label === 'Rep Two');
    expect(one).toMatchObject({ key: rep1.id, touched: 2, breaches: 0 });
    expect(one.ttftP50Ms).toBeCloseTo(15 * MINUTE, 3);
    expect(two).toMatchObject({ key: rep2.id, touched: 2, breaches: 1 });
    const byPlaybook = (await api.requestAs(manager, 'GET', `/api/dashboards/summary?groupBy=playbook&${range}`)).body;
    expect(byPlaybook.find((r: any) => r.label === 'Hot follow-up v1')).toMatchObject({
      entries: 4,
      touches: 4,
      conversions: 1,
    });
    const byChannel = (await api.requestAs(manager, 'GET', `/api/dashboards/summary?groupBy=channel&${range}`)).body;
    expect(byChannel.find((r: any) => r.key === 'call')).toMatchObject({ touched: 4 });
    expect(byChannel.find((r: any) => r.key === 'email')).toMatchObject({ touches: 4, replies: 1 });
  });

  it('filters by date range', async () => {
    const before = `from=${new Date(Date.now() - 10 * DAY).toISOString()}&to=${new Date(Date.now() - 5 * DAY).toISOString()}`;
    expect((await api.requestAs(manager, 'GET', `/api/dashboards/summary?${before}`)).body).toEqual([]);
    expect((await api.requestAs(manager, 'GET', `/api/dashboards/summary?from=2026-02-01&to=2026-01-01`)).status).toBe(
      400,
    );
  });

  it('shows the trend per day and drills down to the leads behind a number', async () => {
    const trend = (await api.requestAs(manager, 'GET', `/api/dashboards/trend?bucket=day&segmentId=${hot}&${range}`))
      .body;
    expect(trend.map((t: any) => t.entries).reduce((a: number, b: number) => a + b, 0)).toBe(4);
    const leads = (await api.requestAs(manager, 'GET', `/api/dashboards/leads?groupBy=segment&key=${hot}&${range}`))
      .body;
    expect(leads).toHaveLength(4);
    const breached = (
      await api.requestAs(manager, 'GET', `/api/dashboards/leads?groupBy=segment&key=${hot}&breached=true&${range}`)
    ).body;
    expect(breached).toEqual([expect.objectContaining({ repName: 'Rep Two', breached: true, firstTouchKind: 'task' })]);
    expect(breached[0].ttftMs).toBeCloseTo(40 * MINUTE, 3);
  });

  it('buckets ranges of up to two days by the hour, and trends one summary row', async () => {
    const sum = (points: { entries: number }[]) => points.reduce((total, p) => total + p.entries, 0);
    const oneDay = `from=${new Date(base.getTime() - HOUR).toISOString()}&to=${new Date(base.getTime() + DAY - HOUR).toISOString()}`;
    const hourly = (await api.requestAs(manager, 'GET', `/api/dashboards/trend?${oneDay}`)).body;
    // Hot's four entries and Cold's two fall within four minutes: one or two whole UTC hours, empty ones left out.
    expect(hourly.length).toBeGreaterThanOrEqual(1);
    expect(hourly.length).toBeLessThanOrEqual(2);
    expect(hourly.every((p: any) => /T\d\d:00:00\.000Z$/.test(p.bucket))).toBe(true);
    expect(sum(hourly)).toBe(6);
    const daily = (await api.requestAs(manager, 'GET', `/api/dashboards/trend?${range}`)).body;
    expect(daily.every((p: any) => p.bucket.endsWith('T00:00:00.000Z'))).toBe(true);
    const ofRep = (await api.requestAs(manager, 'GET', `/api/dashboards/trend?groupBy=rep&key=${rep2.id}&${oneDay}`))
      .body;
    expect(sum(ofRep)).toBe(2);
    const ofChannel = (await api.requestAs(manager, 'GET', `/api/dashboards/trend?groupBy=channel&key=call&${range}`))
      .body;
    expect(sum(ofChannel)).toBe(4);

    const tooLong = await api.requestAs(
      manager,
      'GET',
      `/api/dashboards/trend?bucket=hour&${range}`.replace(
        /from=[^&]+/,
        `from=${new Date(Date.now() - 10 * DAY).toISOString()}`,
      ),
    );
    expect([tooLong.status, tooLong.body.issues]).toEqual([
      400,
      [expect.objectContaining({ field: 'bucket', reason: 'hour buckets need a range of at most 7 days' })],
    ]);
    const keyAlone = await api.requestAs(manager, 'GET', `/api/dashboards/trend?key=call&${range}`);
    expect([keyAlone.status, keyAlone.body.issues]).toEqual([
      400,
      [expect.objectContaining({ field: 'key', reason: 'key needs groupBy' })],
    ]);
  });

  it('exports CSV', async () => {
    const csv = await api.app.inject({
      method: 'GET',
      url: `/api/dashboards/summary.csv?groupBy=segment&${range}`,
      headers: { authorization: `Bearer ${manager.token}` },
    });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'key,label,entries,touched,ttftP50Ms,ttftP90Ms,systemDelayP50Ms,humanDelayP50Ms,breaches,breachRate,touches,replies,meetings,conversions',
    );
    expect(lines.find((l) => l.includes(',Hot,'))).toMatch(/,Hot,4,4,1500000,2220000,/);
    const leadsCsv = await api.app.inject({
      method: 'GET',
      url: `/api/dashboards/leads.csv?groupBy=segment&key=${hot}&${range}`,
      headers: { authorization: `Bearer ${manager.token}` },
    });
    expect(leadsCsv.body.trim().split('\r\n')).toHaveLength(5);
  });

  it('compares treated leads with the holdout on the same events, and says when there are too few leads', async () => {
    const lift = (await api.requestAs(manager, 'GET', `/api/dashboards/lift?${range}`)).body;
    const counts = (count: number) => ({ count, rate: null, low: null, high: null });
    expect(lift).toEqual([
      {
        segmentId: hot,
        segmentName: 'Hot',
        playbookId: expect.any(String),
        playbookName: 'Hot follow-up',
        comparison: {
          state: 'tooFewLeads',
          minLeadsPerArm: 30,
          arm: { leads: 4, conversions: counts(1), meetings: counts(1), replies: counts(1) },
          control: { leads: 2, conversions: counts(1), meetings: counts(0), replies: counts(0) },
          difference: null,
        },
      },
    ]);
  });

  // Goal event demo_booked: a held-out lead that books a demo converts exactly like a treated one (it used to count
  // only on a purchase), and an event before the run started counts for neither.
  it('measures lift with Wilson intervals per arm and a Newcombe interval and z-test on the difference', async () => {
    const segmentId = await fx.segment('Lift');
    const playbook = await fx.playbook('Demo push', {
      settings: { goalEvents: ['demo_booked'] },
      nodes: [
        {
          id: 'ab',
          type: 'split',
          config: {
            variants: [
              { key: 'a', label: 'Email first' },
              { key: 'b', label: 'WhatsApp first' },
            ],
          },
        },
      ],
    });
    const enrol = async (i: number, heldOut: boolean, events: string[]) => {
      const leadId = await fx.lead();
      const membershipId = await fx.enter(leadId, segmentId, at(i));
      const status = heldOut ? 'heldOut' : events.includes('demo_booked') ? 'converted' : 'active';
      const runId = await fx.run({ leadId, membershipId, segmentId, playbook, startedAt: at(i), status });
      for (const type of events) await fx.event(leadId, type, at(i + 30));
      await fx.event(leadId, 'demo_booked', at(i - 30)); // before the run: never counts
      return runId;
    };
    // Treated 40: 12 demos, 4 purchases, 5 replies. Held out 30: 6 demos, 1 purchase, 3 replies.
    const treatedRuns: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const events = [i < 12 && 'demo_booked', i >= 12 && i < 16 && 'purchase', i >= 16 && i < 21 && 'email_reply'];
      treatedRuns.push(
        await enrol(
          i,
          false,
          events.filter((e): e is string => !!e),
        ),
      );
    }
    for (let i = 0; i < 30; i += 1) {
      const events = [i < 6 && 'demo_booked', i === 6 && 'purchase', i >= 7 && i < 10 && 'whatsapp_reply'];
      await enrol(
        i,
        true,
        events.filter((e): e is string => !!e),
      );
    }
    const row = (await api.requestAs(manager, 'GET', `/api/dashboards/lift?${range}`)).body.find(
      (r: any) => r.segmentName === 'Lift',
    );
    const { arm, control, difference, state } = row.comparison;
    expect(state).toBe('measured');
    expect([arm.leads, arm.conversions.count, arm.meetings.count, arm.replies.count]).toEqual([40, 16, 12, 5]);
    expect([control.leads, control.conversions.count, control.meetings.count, control.replies.count]).toEqual([
      30, 7, 6, 3,
    ]);
    // 16/40: Wilson 95 % [0.2635, 0.5540]; 7/30: [0.1179, 0.4093]; the difference's Newcombe interval [−0.056, 0.359].
    expect(arm.conversions).toEqual({
      count: 16,
      rate: 0.4,
      low: expect.closeTo(0.2635, 4),
      high: expect.closeTo(0.554, 4),
    });
    expect(control.conversions.low).toBeCloseTo(0.1179, 4);
    expect(difference.conversions.difference).toBeCloseTo(0.4 - 7 / 30, 10);
    expect(difference.conversions.low).toBeCloseTo(-0.056, 3);
    expect(difference.conversions.high).toBeCloseTo(0.3591, 4);
    expect(difference.conversions.pValue).toBeCloseTo(0.1418, 4);

    // The same split of the treated runs into A/B arms: runs 0–19 took `a`, 20–39 `b` (demos all fell in `a`).
    for (const [i, runId] of treatedRuns.entries()) await fx.step(runId, 'ab', i < 20 ? 'a' : 'b', at(i + 1));
    const arms = (await api.requestAs(manager, 'GET', `/api/dashboards/split-arms?${range}`)).body;
    expect(arms).toEqual([
      expect.objectContaining({
        playbookName: 'Demo push',
        playbookVersion: 1,
        nodeId: 'ab',
        variant: 'b',
        label: 'WhatsApp first',
        controlVariant: 'a',
        controlLabel: 'Email first',
        comparison: expect.objectContaining({ state: 'tooFewLeads', minLeadsPerArm: 30 }),
      }),
    ]);
    const { comparison } = arms[0];
    expect([comparison.arm.leads, comparison.arm.meetings.count]).toEqual([20, 0]);
    expect([comparison.control.leads, comparison.control.meetings.count]).toEqual([20, 12]);
  });

  it('keeps dashboards to managers (and admins)', async () => {
    expect((await api.requestAs(rep1, 'GET', `/api/dashboards/summary`)).status).toBe(403);
    expect((await api.requestAs('anonymous', 'GET', `/api/dashboards/summary`)).status).toBe(401);
    expect((await api.request('GET', `/api/dashboards/lift`)).status).toBe(200);
  });
});

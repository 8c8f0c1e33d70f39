import type { EventInput } from '@segflow/scoring';
import { DataSource } from 'typeorm';
import { IngestWriter } from '../events/ingest-writer';
import { SegmentModelsService } from '../segments/segment-models.service';
import { startTestApi, TestApi } from '../testing/test-api';

const DAY = 86_400_000;

// A history in event time: ingest is driven with each batch's own clock, so memberships open when the events happen
// (as they would have live), and the retrain at `today` finds closed segment entries to learn from.
describe('conversion propensity: trained with the segment model, approved with it, read per lead and segment (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  const today = new Date();
  const at = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY);
  let sequence = 0;
  const event = (lead: string, type: EventInput['type'], when: Date, extra: object = {}): EventInput =>
    ({
      eventId: `p-${lead}-${(sequence += 1)}`,
      leadExternalId: lead,
      type,
      occurredAt: when.toISOString(),
      ...extra,
    }) as EventInput;
  const hot = (lead: string, day: number) => [
    event(lead, 'form_submit', at(day)),
    ...[0, 1, 2].map(() => event(lead, 'page_view', at(day), { url: 'https://segflow.example/pricing' })),
    event(lead, 'demo_booked', at(day)),
  ];
  const cold = (lead: string, day: number) => [
    event(lead, 'email_open', at(day)),
    event(lead, 'page_view', at(day), { url: 'https://segflow.example/blog/whatsapp-sales' }),
  ];
  const purchase = (lead: string, day: number) => event(lead, 'purchase', at(day), { amount: 50_000, currency: 'INR' });
  const ingestAt = async (now: Date, events: EventInput[]) => {
    const results = await api.app.get(IngestWriter).write(
      events.map((e, index) => ({ index, event: e })),
      now,
    );
    expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
  };
  const retrainAt = async (now: Date) => {
    const models = api.app.get(SegmentModelsService);
    const started = await models.retrain({ k: 3, seed: 3 }, now);
    await models.whenIdle();
    return (await api.request('GET', `/api/segment-models/${started.id}`)).body;
  };
  const createLeads = async (leads: object[]) => {
    const { body } = await api.request('POST', '/api/leads', { leads });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(leads.map(() => 'created'));
  };
  const leadsNamed = (prefix: string, n: number, firm: object) =>
    Array.from({ length: n }, (_, i) => ({ externalId: `${prefix}-${i}`, name: `${prefix} ${i}`, ...firm }));
  const goodFit = { industry: 'saas', headcount: 60, revenueBand: '1m_10m', fundingStage: 'series_a' };
  const poorFit = { industry: 'hospitality', headcount: 2, revenueBand: 'under_100k', fundingStage: 'bootstrapped' };

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    // A first model, 200 days ago, from a small seed cohort with hot and cold behaviour.
    const seedHot = leadsNamed('seed-hot', 10, goodFit);
    const seedCold = leadsNamed('seed-cold', 10, poorFit);
    await createLeads([...seedHot, ...seedCold]);
    await ingestAt(at(200), [
      ...seedHot.flatMap((l) => hot(l.externalId, 205)),
      ...seedCold.flatMap((l) => cold(l.externalId, 205)),
    ]);
    expect((await retrainAt(at(200))).status).toBe('active');
    // Then 160 leads arriving over 150 days: every one shows up with a content visit; half turn hot the next day and
    // two in three of those buy five days later.
    const arrivals = Array.from({ length: 160 }, (_, j) => ({
      lead: `lead-${j}`,
      hot: j % 2 === 0,
      day: 190 - (j * 150) / 160,
    }));
    await createLeads(arrivals.map((a) => ({ externalId: a.lead, name: a.lead, ...(a.hot ? goodFit : poorFit) })));
    const batches: { now: Date; events: EventInput[] }[] = [];
    arrivals.forEach((a, j) => {
      batches.push({
        now: at(a.day),
        events: [event(a.lead, 'page_view', at(a.day), { url: 'https://segflow.example/' })],
      });
      batches.push({ now: at(a.day - 1), events: a.hot ? hot(a.lead, a.day - 1) : cold(a.lead, a.day - 1) });
      if (a.hot && j % 3 !== 0) batches.push({ now: at(a.day - 6), events: [purchase(a.lead, a.day - 6)] });
    });
    batches.sort((a, b) => a.now.getTime() - b.now.getTime());
    for (const batch of batches) await ingestAt(batch.now, batch.events);
  });
  afterAll(() => api.close());

  let candidateId: string;
  it('trains a calibrated propensity model with the candidate and reports its time-based holdout metrics', async () => {
    const candidate = await retrainAt(today);
    candidateId = candidate.id;
    expect(candidate.status).toBe('candidate');
    const propensity = candidate.propensity;
    expect(propensity).toMatchObject({
      status: 'trained',
      label: { goalEventType: 'purchase', horizonDays: 30 },
      calibration: { method: 'platt' },
      featureNames: expect.arrayContaining(['intent', 'fit_industry']),
    });
    expect(propensity.standardizer).toBeUndefined();
    const { fit, calibration, holdout } = propensity.counts;
    expect(fit + calibration + holdout).toBeGreaterThanOrEqual(160);
    // The holdout is the latest entries: it starts after every fitted one.
    const lastFitted = await db.query(
      `SELECT count(*)::int AS n FROM segment_memberships WHERE entered_at >= $1 AND entered_at <= $2`,
      [propensity.holdoutFrom, at(30)],
    );
    expect(lastFitted[0].n).toBe(holdout);
    expect(propensity.metrics.auc).toBeGreaterThan(0.75);
    expect(propensity.metrics.brier).toBeLessThan(0.25);
    expect(propensity.metrics.calibrationCurve).toHaveLength(10);
    expect(propensity.metrics.baseline).toEqual({
      auc: expect.any(Number),
      brier: expect.any(Number),
      topDecileLift: expect.any(Number),
    });
  });

  it('leaves the active propensity model in place until the candidate is approved', async () => {
    const before = (await api.request('GET', '/api/leads?search=lead-0')).body;
    expect(before.find((l: any) => l.externalId === 'lead-0').conversionProbability).toBeNull();
    expect((await api.request('POST', `/api/segment-models/${candidateId}/approve`)).status).toBe(200);
  });

  it('gives every lead with events a conversionProbability in the list and on the detail; buyers-to-be rank higher', async () => {
    const leads = (await api.request('GET', '/api/leads?limit=200')).body as any[];
    const arrived = leads.filter((l) => l.externalId.startsWith('lead-'));
    expect(arrived).toHaveLength(160);
    for (const lead of arrived) expect(lead.conversionProbability).toBeGreaterThan(0);
    // Even-numbered arrivals turned hot (and most bought); odd ones stayed cold.
    const mean = (hot: boolean) => {
      const ps = arrived
        .filter((l) => Number(l.externalId.slice(5)) % 2 === (hot ? 0 : 1))
        .map((l) => l.conversionProbability);
      return ps.reduce((a, b) => a + b, 0) / ps.length;
    };
    expect(mean(true)).toBeGreaterThan(mean(false));
    const detail = (await api.request('GET', '/api/leads/seed-hot-0')).body;
    const listed = leads.find((l) => l.externalId === 'seed-hot-0');
    expect(detail.conversionProbability).toBeCloseTo(listed.conversionProbability, 3);
  });

  it('ranks the inbox by the calibrated probability: of two equal tasks, the likelier lead comes first', async () => {
    const leads = (await api.request('GET', '/api/leads?limit=200')).body as any[];
    const [likely, unlikely] = ['lead-2', 'lead-3'].map((id) => leads.find((l) => l.externalId === id));
    expect(likely.conversionProbability).toBeGreaterThan(unlikely.conversionProbability);
    const due = new Date(Date.now() + 86_400_000);
    for (const lead of [unlikely, likely])
      await db.query(
        `INSERT INTO tasks (lead_id, task_type, title, priority, due_at) VALUES ($1, 'call', $2, 'normal', $3)`,
        [lead.id, `Call ${lead.externalId}`, due],
      );
    const inbox = (await api.request('GET', '/api/inbox')).body as any[];
    const ours = inbox.filter((item) => [likely.id, unlikely.id].includes(item.lead.id));
    expect(ours.map((item) => item.lead.id)).toEqual([likely.id, unlikely.id]);
    expect(ours[0].rank.likelihood).toBeCloseTo(likely.conversionProbability, 6);
  });

  it('gives each segment its observed conversion on the held-out entries, with a Wilson interval and the mean prediction', async () => {
    const segments = (await api.request('GET', '/api/segments')).body as any[];
    const withEntries = segments.filter((s) => s.expectedConversion !== null);
    expect(withEntries.length).toBeGreaterThan(0);
    // Held-out entries only (not the ones the model was trained on): together they are the model's holdout.
    const { propensity } = (await api.request('GET', `/api/segment-models/${candidateId}`)).body;
    const sum = (key: 'entries' | 'conversions') =>
      withEntries.reduce((total, s) => total + s.expectedConversion[key], 0);
    expect(sum('entries')).toBe(propensity.counts.holdout);
    expect(sum('conversions')).toBe(Math.round(propensity.metrics.baseRate * propensity.counts.holdout));
    for (const { expectedConversion: e } of withEntries) {
      expect(e.conversions).toBeLessThanOrEqual(e.entries);
      expect(e.rate).toBeCloseTo(e.conversions / e.entries, 12);
      expect(e.low).toBeLessThanOrEqual(e.rate);
      expect(e.high).toBeGreaterThanOrEqual(e.rate);
      expect(e.predicted).toBeGreaterThan(0);
    }
    expect(Math.max(...withEntries.map((s) => s.expectedConversion.rate))).toBeGreaterThan(0.2);
  });

  it('backtests a segment and a playbook on closed history: entries with a run, held out, and neither', async () => {
    // The segment most buyers had closed entries in.
    const [segment] = await db.query(
      `SELECT segment_id AS id FROM segment_memberships
       WHERE entered_at <= $1 AND lead_id IN (SELECT lead_id FROM events WHERE type = 'purchase')
       GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      [at(30)],
    );
    const [{ id: playbookId }] = await db.query(
      `INSERT INTO playbooks (name, draft) VALUES ('backtest', '{}') RETURNING id`,
    );
    const [{ id: versionId }] = await db.query(
      `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, '{}') RETURNING id`,
      [playbookId],
    );
    const closed: { id: string; lead_id: string }[] = await db.query(
      `SELECT id, lead_id FROM segment_memberships WHERE segment_id = $1 AND entered_at <= $2 ORDER BY entered_at`,
      [segment.id, at(30)],
    );
    // Every other closed entry got a run of the playbook, one in four was held out of it, the rest had none.
    const ran = closed.filter((_, i) => i % 2 === 0);
    const held = closed.filter((_, i) => i % 4 === 1);
    await db.query(
      `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, segment_id, membership_id, status)
       SELECT lead, $1, $2, 1, $3, membership, status FROM unnest($4::uuid[], $5::text[], $6::text[]) AS x(lead, membership, status)`,
      [
        playbookId,
        versionId,
        segment.id,
        [...ran, ...held].map((m) => m.lead_id),
        [...ran, ...held].map((m) => m.id),
        [...ran.map(() => 'completed'), ...held.map(() => 'heldOut')],
      ],
    );
    const { status, body } = await api.request('GET', `/api/segments/${segment.id}/backtest?playbookId=${playbookId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ segmentId: segment.id, playbookId, goalEventType: 'purchase', horizonDays: 30 });
    expect(body.withRun.entries).toBe(ran.length);
    expect(body.heldOut.entries).toBe(held.length);
    expect(body.withoutRun.entries).toBe(closed.length - ran.length - held.length);
    // Each arm's conversions: the closed entries followed by a purchase within 30 days, counted here from the rows.
    const purchases: { lead_id: string; at: Date }[] = await db.query(
      `SELECT lead_id, occurred_at AS at FROM events WHERE type = 'purchase'`,
    );
    const enteredAt = new Map<string, Date>(
      (await db.query(`SELECT id, entered_at FROM segment_memberships WHERE segment_id = $1`, [segment.id])).map(
        (m: { id: string; entered_at: Date }) => [m.id, m.entered_at],
      ),
    );
    const converted = (m: { id: string; lead_id: string }) =>
      purchases.some((p) => {
        const after = p.at.getTime() - enteredAt.get(m.id)!.getTime();
        return p.lead_id === m.lead_id && after > 0 && after <= 30 * DAY;
      });
    const rest = closed.filter((_, i) => i % 2 === 1 && i % 4 !== 1);
    const arms = [body.withRun, body.heldOut, body.withoutRun];
    expect(arms.map((a) => a.conversions)).toEqual([ran, held, rest].map((ms) => ms.filter(converted).length));
    expect(arms.reduce((sum, a) => sum + a.conversions, 0)).toBeGreaterThan(0);
    expect(body.lift).toBeCloseTo(body.withRun.rate - body.heldOut.rate, 12);
    for (const arm of arms) expect(arm.low).toBeLessThanOrEqual(arm.rate);

    const refused = await api.request('GET', `/api/segments/${segment.id}/backtest?playbookId=nope`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('playbookId');
  });
});

import { generateDemoPopulation } from '@segflow/scoring/testing';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../testing/test-api';
import { RuleSegmentSweepService } from './rule-segment-sweep.service';
import { SegmentModelsService } from './segment-models.service';

const DAY_MS = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY_MS).toISOString();
const chunk = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

describe('rule segments beside learned ones (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  const population = generateDemoPopulation({ leads: 150, seed: 3, now: new Date() });
  // Two leads of their own country, so the rules below match them and none of the demo population.
  const kiwi = 'rule-kiwi';
  const other = 'rule-other';
  const lurkerRule = {
    match: 'all',
    conditions: [
      { kind: 'firmographic', field: 'country', op: 'eq', value: 'NZ' },
      { kind: 'eventCount', eventType: 'page_view', days: 7, op: 'gte', value: 2 },
    ],
  };

  const leadIdOf = async (externalId: string): Promise<string> =>
    (await db.query(`SELECT id FROM leads WHERE external_id = $1`, [externalId]))[0].id;
  const openMembership = async (externalId: string) =>
    (
      await db.query(
        `SELECT m.id, m.segment_id, m.model_id, m.enter_reason FROM segment_memberships m JOIN leads l ON l.id = m.lead_id
         WHERE l.external_id = $1 AND m.left_at IS NULL`,
        [externalId],
      )
    )[0];
  const segmentRows = async (externalId: string) =>
    db.query(
      `SELECT kind, payload FROM outbox WHERE kind IN ('segment_entered', 'segment_left') AND payload->>'leadId' = $1 ORDER BY id`,
      [await leadIdOf(externalId)],
    );
  const bind = async (segmentId: string): Promise<string> => {
    const [{ id }] = await db.query(`INSERT INTO playbooks (name, draft) VALUES ('rule-spec', '{}') RETURNING id`);
    await db.query(`INSERT INTO segment_bindings (playbook_id, segment_id) VALUES ($1, $2)`, [id, segmentId]);
    return id;
  };
  const pageView = (externalId: string, n: number, ago: number) => ({
    eventId: `${externalId}-pv${n}`,
    leadExternalId: externalId,
    type: 'page_view',
    occurredAt: daysAgo(ago),
    url: '/docs',
  });
  const retrain = async (body: object) => {
    const started = await api.request('POST', '/api/segments/retrain', body);
    expect(started.status).toBe(202);
    await api.app.get(SegmentModelsService).whenIdle();
    return (await api.request('GET', `/api/segment-models/${started.body.id}`)).body;
  };

  beforeAll(async () => {
    api = await startTestApi({ RULE_SEGMENT_SWEEP_MS: '0' });
    db = api.app.get(DataSource);
    const leads = [
      ...population.leads,
      { externalId: kiwi, country: 'NZ', industry: 'SaaS', headcount: 40 },
      { externalId: other, country: 'NZ', industry: 'Retail', headcount: 5 },
    ];
    expect((await api.request('POST', '/api/leads', { leads })).status).toBeLessThan(300);
    for (const events of chunk(population.events, 5000))
      expect((await api.request('POST', '/api/events', { events })).body.rejected).toBe(0);
    await api.request('POST', '/api/events', { events: [pageView(kiwi, 0, 20), pageView(other, 0, 20)] });
    expect((await retrain({ k: 3, seed: 1 })).status).toBe('active');
  });
  afterAll(() => api.close());

  it('refuses an invalid rule with 422, naming the field and the reason', async () => {
    const response = await api.request('POST', '/api/segments/rules', {
      name: 'Bad',
      rule: { match: 'all', conditions: [{ kind: 'score', op: 'gte', value: 'high' }] },
    });
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([{ field: 'rule.conditions.0.value', reason: 'gte needs a number' }]);
    const unknownType = await api.request('POST', '/api/segments/rules/preview', {
      rule: { match: 'all', conditions: [{ kind: 'eventCount', eventType: 'teleport', days: 7, op: 'gte', value: 1 }] },
    });
    expect(unknownType.status).toBe(422);
    expect(unknownType.body.issues[0].field).toBe('rule.conditions.0.eventType');
  });

  it('previews a rule without saving it', async () => {
    const response = await api.request('POST', '/api/segments/rules/preview', {
      rule: { match: 'all', conditions: [{ kind: 'firmographic', field: 'country', op: 'in', value: ['nz'] }] },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      matching: 2,
      wouldEnter: 2,
      total: 152,
      description: 'country is one of nz',
    });
    expect(response.body.sample.map((s: { externalId: string }) => s.externalId).sort()).toEqual([kiwi, other]);
    expect((await api.request('GET', '/api/segments')).body.every((s: { kind: string }) => s.kind === 'learned')).toBe(
      true,
    );
  });

  let lurkers: string;
  let playbookId: string;
  it('moves a lead into a bound rule segment on ingest, over its learned segment: membership without a model, outbox rows', async () => {
    const created = await api.request('POST', '/api/segments/rules', { name: 'NZ lurkers', rule: lurkerRule });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      moved: 0,
      segment: { kind: 'rule', name: 'NZ lurkers', priority: 1, size: 0, centroid: {}, rule: lurkerRule },
    });
    expect(created.body.segment.ruleDescription).toBe('all of: country is NZ; page_view events in the last 7 days ≥ 2');
    lurkers = created.body.segment.id;
    playbookId = await bind(lurkers);
    const learned = await openMembership(kiwi);
    expect(learned.model_id).not.toBeNull();

    // One recent page view: one in the window, not enough; a second one: the lead enters.
    await api.request('POST', '/api/events', { events: [pageView(kiwi, 1, 1)] });
    expect((await openMembership(kiwi)).segment_id).toBe(learned.segment_id);
    await api.request('POST', '/api/events', { events: [pageView(kiwi, 2, 2)] });
    const entered = await openMembership(kiwi);
    expect(entered).toMatchObject({ segment_id: lurkers, model_id: null, enter_reason: 'event' });
    const rows = await segmentRows(kiwi);
    expect(rows.map((r: { kind: string }) => r.kind)).toEqual(['segment_entered']);
    expect(rows[0].payload).toMatchObject({
      segmentId: lurkers,
      membershipId: entered.id,
      triggerEventId: `${kiwi}-pv2`,
    });

    const listed = (await api.request('GET', '/api/segments')).body.find((s: { id: string }) => s.id === lurkers);
    expect(listed).toMatchObject({ kind: 'rule', size: 1, boundPlaybookId: playbookId });
  });

  it('keeps rule memberships and the rule segment through a retrain and its approval', async () => {
    const candidate = await retrain({ k: 4, seed: 2 });
    const status =
      candidate.status === 'candidate'
        ? (await api.request('POST', `/api/segment-models/${candidate.id}/approve`)).body.status
        : candidate.status;
    expect(status).toBe('active');
    expect((await openMembership(kiwi)).segment_id).toBe(lurkers);
    expect(await db.query(`SELECT kind, name, archived_at FROM segments WHERE id = $1`, [lurkers])).toEqual([
      { kind: 'rule', name: 'NZ lurkers', archived_at: null },
    ]);
    expect((await segmentRows(kiwi)).map((r: { kind: string }) => r.kind)).toEqual(['segment_entered']);
  });

  it('the sweep moves a lead out when its window expires without a new event (injected clock)', async () => {
    const sweep = api.app.get(RuleSegmentSweepService);
    expect(await sweep.sweep(new Date())).toEqual({ moved: 0 });
    expect(await sweep.sweep(new Date(Date.now() + 6 * DAY_MS))).toEqual({ moved: 1 });
    const after = await openMembership(kiwi);
    expect(after.segment_id).not.toBe(lurkers);
    expect(after.model_id).not.toBeNull();
    const rows = await segmentRows(kiwi);
    expect(rows.map((r: { kind: string }) => r.kind)).toEqual(['segment_entered', 'segment_left']);
    expect(rows[1].payload).toMatchObject({ segmentId: lurkers, reason: 'rule_window' });
  });

  it('a higher-priority rule segment takes precedence; editing and deleting re-evaluate and are audited', async () => {
    // Back into the lurkers first (two page views now).
    await api.request('POST', '/api/events', { events: [pageView(kiwi, 3, 0), pageView(kiwi, 4, 0)] });
    expect((await openMembership(kiwi)).segment_id).toBe(lurkers);
    const kiwis = await api.request('POST', '/api/segments/rules', {
      name: 'All of NZ',
      priority: 0,
      rule: { match: 'any', conditions: [{ kind: 'firmographic', field: 'country', op: 'eq', value: 'NZ' }] },
    });
    expect(kiwis.body.moved).toBe(2);
    const nz = kiwis.body.segment.id;
    expect((await openMembership(kiwi)).segment_id).toBe(nz);
    expect((await openMembership(other)).segment_id).toBe(nz);
    expect((await segmentRows(kiwi)).at(-1).payload).toMatchObject({ segmentId: lurkers, reason: 'rule_changed' });

    const demoted = await api.request('PATCH', `/api/segments/rules/${nz}`, { priority: 5 });
    expect(demoted.body).toMatchObject({ moved: 1, segment: { priority: 5 } });
    expect((await openMembership(kiwi)).segment_id).toBe(lurkers);

    const refused = await api.request('DELETE', `/api/segments/rules/${lurkers}`);
    expect(refused.status).toBe(409);
    expect(refused.body.playbookId).toBe(playbookId);
    await db.query(`DELETE FROM segment_bindings WHERE segment_id = $1`, [lurkers]);
    expect((await api.request('DELETE', `/api/segments/rules/${lurkers}`)).body).toEqual({ moved: 1 });
    expect((await openMembership(kiwi)).segment_id).toBe(nz);
    expect((await api.request('GET', '/api/segments')).body.some((s: { id: string }) => s.id === lurkers)).toBe(false);
    const actions = (await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [lurkers])).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(['ruleSegment.created', 'ruleSegment.deleted']);
  });

  it('tests custom lead attributes, checked against the schema', async () => {
    const plan = { key: 'plan', label: 'Plan', type: 'enum', values: ['free', 'pro'] };
    expect((await api.request('POST', '/api/settings/lead-attributes', plan)).status).toBe(201);
    expect(
      (await api.request('POST', '/api/leads', { externalId: other, attributes: { plan: 'pro' } })).status,
    ).toBeLessThan(300);
    const onPlan = (value: unknown, op = 'eq', key = 'plan') => ({
      rule: { match: 'all', conditions: [{ kind: 'attribute', key, op, value }] },
    });
    const preview = await api.request('POST', '/api/segments/rules/preview', onPlan('Pro'));
    expect(preview.status).toBe(200);
    expect(preview.body.matching).toBe(1);
    const unknown = await api.request('POST', '/api/segments/rules', { name: 'Tier', ...onPlan('gold', 'eq', 'tier') });
    expect(unknown.status).toBe(422);
    expect(unknown.body.issues).toEqual([
      { field: 'rule.conditions.0.key', reason: 'no custom lead attribute "tier"' },
    ]);
    const ordered = await api.request('POST', '/api/segments/rules/preview', onPlan(3, 'gte'));
    expect(ordered.body.issues).toEqual([
      { field: 'rule.conditions.0.op', reason: 'plan is text: use eq, neq, in or notIn' },
    ]);
  });

  // The segment rows a lead got after `before` of them, as kind → segment and reason.
  const newSegmentRows = async (externalId: string, before: number) =>
    (await segmentRows(externalId)).slice(before).map((r: { kind: string; payload: Record<string, string> }) => ({
      kind: r.kind,
      segmentId: r.payload.segmentId,
      membershipId: r.payload.membershipId,
      reason: r.payload.reason,
    }));

  it('moves a lead into a bound rule segment and out again at once when POST /api/leads changes an attribute', async () => {
    const tier = { key: 'tier', label: 'Tier', type: 'enum', values: ['gold', 'silver'] };
    expect((await api.request('POST', '/api/settings/lead-attributes', tier)).status).toBe(201);
    const created = await api.request('POST', '/api/segments/rules', {
      name: 'Gold',
      priority: 0,
      rule: { match: 'all', conditions: [{ kind: 'attribute', key: 'tier', op: 'eq', value: 'gold' }] },
    });
    expect(created.body.moved).toBe(0);
    const gold = created.body.segment.id;
    await bind(gold);
    const lead = population.leads[0]!.externalId;
    const learned = await openMembership(lead);
    expect(learned.model_id).not.toBeNull();
    const before = (await segmentRows(lead)).length;

    const upserted = await api.request('POST', '/api/leads', { externalId: lead, attributes: { tier: 'gold' } });
    expect(upserted.status).toBeLessThan(300);
    const entered = await openMembership(lead);
    expect(entered).toMatchObject({ segment_id: gold, model_id: null, enter_reason: 'lead_changed' });
    // Outbox rows only for a bound segment (the learned one is not): a playbook bound to Gold starts one run.
    expect(await newSegmentRows(lead, before)).toEqual([
      { kind: 'segment_entered', segmentId: gold, membershipId: entered.id, reason: undefined },
    ]);

    // A change no rule reads moves nothing; leaving the rule's value leaves the segment for the nearest centroid.
    await api.request('POST', '/api/leads', { externalId: lead, name: 'Renamed' });
    expect((await openMembership(lead)).id).toBe(entered.id);
    await api.request('POST', '/api/leads', { externalId: lead, attributes: { tier: 'silver' } });
    const left = await openMembership(lead);
    expect(left.model_id).not.toBeNull();
    expect(await newSegmentRows(lead, before + 1)).toEqual([
      { kind: 'segment_left', segmentId: gold, membershipId: entered.id, reason: 'lead_changed' },
    ]);
    await db.query(`DELETE FROM segment_bindings WHERE segment_id = $1`, [gold]);
    expect((await api.request('DELETE', `/api/segments/rules/${gold}`)).status).toBe(200);
  });

  it('moves a lead in and out at once when a CSV import chunk changes a firmographic', async () => {
    const created = await api.request('POST', '/api/segments/rules', {
      name: 'Quantum',
      priority: 0,
      rule: { match: 'all', conditions: [{ kind: 'firmographic', field: 'industry', op: 'eq', value: 'Quantum' }] },
    });
    const quantum = created.body.segment.id;
    await bind(quantum);
    const lead = population.leads[1]!.externalId;
    const learned = await openMembership(lead);
    const before = (await segmentRows(lead)).length;
    const importIndustry = async (industry: string) => {
      const headers = ['Lead ID', 'Industry'];
      const started = await api.request<{ id: string }>('POST', '/api/leads/imports', {
        fileName: 'leads.csv',
        headers,
        mapping: { 'Lead ID': 'externalId', Industry: 'industry' },
      });
      const uploaded = await api.app.inject({
        method: 'PUT',
        url: `/api/leads/imports/${started.body.id}/file`,
        payload: `${headers.join(',')}\n${lead},${industry}\n`,
        headers: { authorization: `Bearer ${api.admin.token}`, 'content-type': 'text/csv' },
      });
      expect(JSON.parse(uploaded.body)).toMatchObject({ state: 'completed', updated: 1 });
    };

    await importIndustry('Quantum');
    const entered = await openMembership(lead);
    expect(entered).toMatchObject({ segment_id: quantum, model_id: null, enter_reason: 'lead_changed' });
    expect(learned.model_id).not.toBeNull();
    expect(await newSegmentRows(lead, before)).toEqual([
      { kind: 'segment_entered', segmentId: quantum, membershipId: entered.id, reason: undefined },
    ]);
    await importIndustry('Retail');
    const left = await openMembership(lead);
    expect(left.model_id).not.toBeNull();
    expect(await newSegmentRows(lead, before + 1)).toEqual([
      { kind: 'segment_left', segmentId: quantum, membershipId: entered.id, reason: 'lead_changed' },
    ]);
  });

  it('the sweep also runs for a rule on a feature, which decays without events (injected clock)', async () => {
    const { body } = await api.request('GET', `/api/leads/${other}`);
    const recency = body.features.recency as number;
    expect(recency).toBeGreaterThan(0);
    const created = await api.request('POST', '/api/segments/rules', {
      name: 'Recent NZ',
      priority: 0,
      rule: {
        match: 'all',
        conditions: [
          { kind: 'firmographic', field: 'country', op: 'eq', value: 'NZ' },
          { kind: 'feature', feature: 'recency', op: 'gte', value: recency * 0.9 },
        ],
      },
    });
    const recent = created.body.segment.id;
    expect((await openMembership(other)).segment_id).toBe(recent);
    const sweep = api.app.get(RuleSegmentSweepService);
    expect(await sweep.sweep(new Date())).toEqual({ moved: 0 });
    await sweep.sweep(new Date(Date.now() + 60 * DAY_MS));
    const after = await openMembership(other);
    expect(after.segment_id).not.toBe(recent);
    expect(after.enter_reason).toBe('rule_window');
  });

  it('is for ops and admins only', async () => {
    const manager = await api.createUser({ role: 'manager' });
    const response = await api.requestAs(manager, 'POST', '/api/segments/rules/preview', { rule: lurkerRule });
    expect(response.status).toBe(403);
    const ops = await api.createUser({ role: 'ops' });
    expect((await api.requestAs(ops, 'POST', '/api/segments/rules/preview', { rule: lurkerRule })).status).toBe(200);
  });
});

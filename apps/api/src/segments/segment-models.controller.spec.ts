import { assignSegment, standardize } from '@segflow/scoring';
import { generateDemoPopulation } from '@segflow/scoring/testing';
import { DataSource } from 'typeorm';
import { vectorOf } from '@segflow/scoring/features';
import { auditTrailOf } from '../testing/audit-trail';
import { startTestApi, TestApi } from '../testing/test-api';
import { activateModel, scoreAllLeads } from './activate-model';
import { lockActiveModelShared, readSegmentModel, SYSTEM_ACTOR } from '@segflow/stores';
import { SegmentModelsService } from './segment-models.service';

const chunk = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

describe('segment models: retrain → candidate → diff → approve/discard (real Postgres, worker thread)', () => {
  let api: TestApi;
  let db: DataSource;
  const memberships = () =>
    db.query(`SELECT lead_id, segment_id, id FROM segment_memberships WHERE left_at IS NULL ORDER BY lead_id`);
  const outboxCount = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE kind IN ('segment_entered', 'segment_left')`))[0].n;
  /** Binds a (draft) playbook to every segment that has none; returns when, so later memberships can be told apart. */
  const bindEverySegment = async (): Promise<Date> => {
    await db.query(`WITH unbound AS (SELECT id FROM segments WHERE id::text NOT IN (SELECT segment_id FROM segment_bindings)),
      created AS (INSERT INTO playbooks (name, draft) SELECT 'for ' || id, '{}' FROM unbound RETURNING id, name)
      INSERT INTO segment_bindings (playbook_id, segment_id) SELECT c.id, u.id::text FROM created c JOIN unbound u ON c.name = 'for ' || u.id`);
    return (await db.query(`SELECT now() AS at`))[0].at;
  };
  let boundAt: Date;
  const retrain = async (body: object) => {
    const started = await api.request('POST', '/api/segments/retrain', body);
    expect(started.status).toBe(202);
    await api.app.get(SegmentModelsService).whenIdle();
    return (await api.request('GET', `/api/segment-models/${started.body.id}`)).body;
  };

  const population = generateDemoPopulation({ leads: 400, seed: 11, now: new Date() });

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    for (const leads of chunk(population.leads, 1000)) await api.request('POST', '/api/leads', { leads });
    for (const events of chunk(population.events, 5000))
      expect((await api.request('POST', '/api/events', { events })).body.rejected).toBe(0);
  });
  afterAll(() => api.close());

  let firstId: string;
  it('activates the first model without approval and puts every lead in a segment; no segment has a playbook yet, so no outbox row', async () => {
    const model = await retrain({ kRange: [3, 7], seed: 5 });
    firstId = model.id;
    expect(model).toMatchObject({ status: 'active', progress: { phase: 'done', fraction: 1 } });
    expect(model.metrics).toMatchObject({
      leadCount: 400,
      stability: null,
      silhouette: expect.any(Number),
      daviesBouldin: expect.any(Number),
      inertia: expect.any(Number),
    });
    const current = await memberships();
    expect(current).toHaveLength(400);
    expect(await outboxCount()).toBe(0);

    const segments = (await api.request('GET', '/api/segments')).body;
    expect(segments).toHaveLength(model.segments.length);
    expect(segments[0]).toEqual({
      id: expect.any(String),
      kind: 'learned',
      name: expect.any(String),
      description: expect.any(String),
      colour: expect.stringMatching(/^#/),
      size: expect.any(Number),
      conversionRate: expect.any(Number),
      centroid: expect.objectContaining({ intent: expect.any(Number), fit: expect.any(Number) }),
      expectedConversion: null,
    });
    expect(segments.reduce((sum: number, s: any) => sum + s.size, 0)).toBe(400);
    // Nobody approved the first model: Segflow activated it.
    expect(await auditTrailOf(db, 'segmentModel', model.id)).toEqual([
      expect.objectContaining({
        action: 'segmentModel.approved',
        actor: { kind: 'system', id: null, label: null },
        after: { status: 'active', reassigned: 400 },
      }),
    ]);
  });

  it("keeps a renamed segment's id, name and colour across a retrain, and moves nothing before approval", async () => {
    const [target] = (await api.request('GET', '/api/segments')).body;
    const patched = await api.request('PATCH', `/api/segments/${target.id}`, {
      name: 'Hot inbound',
      colour: '#111111',
    });
    expect(patched.body).toMatchObject({ id: target.id, name: 'Hot inbound', colour: '#111111' });
    boundAt = await bindEverySegment();
    const before = await memberships();
    const outboxBefore = await outboxCount();

    const candidate = await retrain({ seed: 6 });
    expect(candidate.status).toBe('candidate');
    expect(candidate.metrics.warmStart).toBe(true);
    expect(await memberships()).toEqual(before);
    expect(await outboxCount()).toBe(outboxBefore);

    const diff = (await api.request('GET', `/api/segment-models/${candidate.id}/diff`)).body;
    expect(diff.movedLeads / 400).toBeLessThan(0.05);
    expect(diff.metrics.candidate.stability.keptShare).toBeGreaterThan(0.95);
    expect(diff.sizes.map((s: any) => s.origin)).not.toContain('added');

    const approved = await api.request('POST', `/api/segment-models/${candidate.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');
    expect((await api.request('GET', `/api/segment-models/${firstId}`)).body.status).toBe('retired');
    const after = await memberships();
    const moved = after.filter((m: any, i: number) => m.segment_id !== before[i].segment_id).length;
    expect(moved / 400).toBeLessThan(0.05);
    expect(await outboxCount()).toBe(outboxBefore + 2 * moved);
    const segments = (await api.request('GET', '/api/segments')).body;
    expect(segments.find((s: any) => s.id === target.id)).toMatchObject({ name: 'Hot inbound', colour: '#111111' });
    expect(await auditTrailOf(db, 'segmentModel', candidate.id)).toEqual([
      expect.objectContaining({
        action: 'segmentModel.approved',
        actor: { kind: 'user', id: api.admin.id, label: api.admin.email },
        before: null,
        after: { status: 'active', reassigned: approved.body.reassigned },
      }),
    ]);
  });

  it('discards a candidate without touching memberships, and refuses to approve it afterwards', async () => {
    const before = await memberships();
    const candidate = await retrain({ k: 3, seed: 9 });
    expect(candidate.status).toBe('candidate');
    expect((await api.request('POST', `/api/segment-models/${candidate.id}/discard`)).body.status).toBe('discarded');
    expect(await memberships()).toEqual(before);
    expect((await api.request('POST', `/api/segment-models/${candidate.id}/approve`)).status).toBe(409);
    // The refused approval left nothing.
    expect(await auditTrailOf(db, 'segmentModel', candidate.id)).toEqual([
      expect.objectContaining({
        action: 'segmentModel.discarded',
        actor: { kind: 'user', id: api.admin.id, label: api.admin.email },
        before: null,
        after: { status: 'discarded' },
      }),
    ]);
  });

  it('assigns events ingested during an approval by one model, and writes an outbox row for every membership it opens or closes in a segment with a playbook', async () => {
    const candidate = await retrain({ k: 3, seed: 13 });
    expect(candidate.status).toBe('candidate');
    const events = population.events
      .slice(0, 1500)
      .map((e, i) => ({ ...e, eventId: `during-approval-${i}`, occurredAt: new Date().toISOString() }));
    const [approved] = await Promise.all([
      api.request('POST', `/api/segment-models/${candidate.id}/approve`),
      ...chunk(events, 100).map((batch) => api.request('POST', '/api/events', { events: batch })),
    ]);
    expect(approved.status).toBe(200);
    const count = async (sql: string, params: unknown[] = []) => (await db.query(sql, params))[0].n;
    // A flush that read the replaced model after the reassignment would leave a lead in one of its retired segments.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM segment_memberships WHERE left_at IS NULL AND segment_id NOT IN (SELECT segment_id FROM segment_model_centroids WHERE model_id = $1)`,
        [candidate.id],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT lead_id FROM segment_memberships WHERE left_at IS NULL GROUP BY lead_id HAVING count(*) > 1) x`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM segment_memberships WHERE left_at IS NULL`)).toBe(400);
    const bound = `m.segment_id::text IN (SELECT segment_id FROM segment_bindings)`;
    const withRow = (kind: string) =>
      `EXISTS (SELECT 1 FROM outbox o WHERE o.kind = '${kind}' AND o.payload->>'membershipId' = m.id::text)`;
    const count2 = async (where: string) =>
      (
        await db.query(
          `SELECT count(*) FILTER (WHERE ${bound})::int AS bound, count(*) FILTER (WHERE NOT ${bound})::int AS unbound FROM segment_memberships m WHERE ${where}`,
          [boundAt],
        )
      )[0];
    // Opened since the binding: a row each in a bound segment (some were entered meanwhile), none elsewhere (k = 3 may add a segment).
    const entered = await count2(`m.entered_at >= $1`);
    expect(entered.bound).toBeGreaterThan(0);
    expect(await count2(`m.entered_at >= $1 AND NOT ${withRow('segment_entered')}`)).toEqual({
      bound: 0,
      unbound: entered.unbound,
    });
    const left = await count2(`m.left_at >= $1`);
    expect(left.bound).toBeGreaterThan(0);
    expect(await count2(`m.left_at >= $1 AND NOT ${withRow('segment_left')}`)).toEqual({
      bound: 0,
      unbound: left.unbound,
    });
  });

  it('re-scores under the lock a lead written by a transaction that began before the scoring snapshot and committed after it', async () => {
    const candidate = await retrain({ k: 4, seed: 17 });
    expect(candidate.status).toBe('candidate');
    const now = new Date();
    const input = { modelId: candidate.id, now, margin: api.config.SEGMENT_HYSTERESIS, actor: SYSTEM_ACTOR };
    const model = (await readSegmentModel(db, candidate.id))!;
    const leads: any[] =
      await db.query(`SELECT l.id, l.industry, l.headcount, l.revenue_band, l.funding_stage, f.state, m.segment_id
      FROM leads l JOIN lead_features f ON f.lead_id = l.id JOIN segment_memberships m ON m.lead_id = l.id AND m.left_at IS NULL ORDER BY l.id`);
    const assigned = (lead: any, state: any) =>
      assignSegment({
        vector: standardize(vectorOf(state, lead, now), model.standardizer),
        centroids: model.centroids,
        currentSegmentId: lead.segment_id,
        margin: input.margin,
      }).segmentId;
    // A lead, and another lead's features (the writer's update below) that the candidate puts it elsewhere for.
    const target = leads.find((lead) =>
      leads.some((other) => assigned(lead, other.state) !== assigned(lead, lead.state)),
    );
    const donor = leads.find((other) => assigned(target, other.state) !== assigned(target, target.state));

    const writer = db.createQueryRunner();
    const activator = db.createQueryRunner();
    try {
      // The writer's transaction starts (updated_at = now() is its start time) before the scoring snapshot…
      await writer.query('BEGIN');
      await lockActiveModelShared(writer);
      await writer.query(`UPDATE lead_features SET state = $2, updated_at = now() WHERE lead_id = $1`, [
        target.id,
        donor.state,
      ]);
      await activator.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const scored = await scoreAllLeads(activator, input);
      await activator.query('COMMIT');
      // …and commits after it: the scoring pass saw the old features.
      await writer.query('COMMIT');
      await activator.query('BEGIN');
      await activateModel(activator, input, scored);
      await activator.query('COMMIT');
    } finally {
      await writer.release();
      await activator.release();
    }
    const [current] = await db.query(
      `SELECT segment_id FROM segment_memberships WHERE lead_id = $1 AND left_at IS NULL`,
      [target.id],
    );
    expect(current.segment_id).toBe(assigned(target, donor.state));
  });

  it('validates retrain bodies and segment edits', async () => {
    expect((await api.request('POST', '/api/segments/retrain', { k: 1 })).status).toBe(400);
    expect((await api.request('POST', '/api/segments/retrain', { kRange: [6, 3] })).status).toBe(400);
    expect(
      (await api.request('PATCH', '/api/segments/00000000-0000-0000-0000-000000000000', { name: 'x' })).status,
    ).toBe(404);
    expect(
      (await api.request('PATCH', '/api/segments/00000000-0000-0000-0000-000000000000', { colour: 'red' })).status,
    ).toBe(400);
    expect((await api.request('GET', '/api/segment-models/nope')).status).toBe(404);
  });
});

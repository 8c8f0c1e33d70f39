import { samplePlaybook } from '@segflow/playbook/testing';
import { DataSource } from 'typeorm';
import { auditTrailOf } from '../testing/audit-trail';
import { startTestApi, TestApi } from '../testing/test-api';

describe('PlaybooksController (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
  });
  afterAll(() => api.close());

  const trail = (id: string) => auditTrailOf(api.app.get(DataSource), 'playbook', id);
  const adminActor = () => ({ kind: 'user', id: api.admin.id, label: api.admin.email });

  const create = async (name = 'Warm inbound') =>
    (await api.request('POST', '/api/playbooks', { name, description: 'for tests' })).body;

  it('creates a playbook with a valid starter draft at revision 1 and lists it', async () => {
    const created = await api.request('POST', '/api/playbooks', { name: 'Starter' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Starter',
      status: 'draft',
      draftRevision: 1,
      publishedVersion: null,
      issues: [],
      segmentId: null,
      holdoutPercent: 0,
    });
    expect(created.body.draft.nodes.map((n: { type: string }) => n.type)).toEqual(['entry', 'send', 'goal']);
    const listed = await api.request('GET', '/api/playbooks');
    expect(listed.status).toBe(200);
    expect(listed.body).toContainEqual(
      expect.objectContaining({ id: created.body.id, activeRuns: 0, convertedRuns: 0, updatedAt: expect.any(String) }),
    );
    expect(listed.body[0]).not.toHaveProperty('draft');
  });

  it('refuses a create without a name, naming the field', async () => {
    const response = await api.request('POST', '/api/playbooks', { description: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('saves a draft with the current revision and reports its issues', async () => {
    const playbook = await create();
    const graph = samplePlaybook();
    graph.edges = graph.edges.filter((e) => e.id !== 'e7');
    const saved = await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph, revision: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(2);
    expect(saved.body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'handle-unconnected', nodeId: 'replied' })]),
    );
    const fetched = await api.request('GET', `/api/playbooks/${playbook.id}`);
    expect(fetched.body).toMatchObject({ draftRevision: 2, draft: graph });
    expect(fetched.body.issues.length).toBeGreaterThan(0);
  });

  it('answers a stale revision with 409 and the current revision', async () => {
    const playbook = await create();
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph: samplePlaybook(), revision: 1 });
    const stale = await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, {
      graph: samplePlaybook(),
      revision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ message: expect.stringContaining('stale'), currentRevision: 2 });
  });

  it('refuses a graph that does not parse with 400 naming the field', async () => {
    const playbook = await create();
    const graph = samplePlaybook() as any;
    graph.nodes[1].config.channel = 'pigeon';
    const response = await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph, revision: 1 });
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/^graph\.nodes\.1/) }),
    ]);
  });

  it('refuses to publish an invalid draft with 422 and the issues', async () => {
    const playbook = await create();
    const graph = samplePlaybook();
    graph.nodes.push({ id: 'orphan', type: 'exit', position: { x: 0, y: 0 }, config: { reason: 'x' } });
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph, revision: 1 });
    const response = await api.request('POST', `/api/playbooks/${playbook.id}/publish`, {});
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      message: expect.any(String),
      issues: [expect.objectContaining({ code: 'unreachable-node', nodeId: 'orphan' })],
    });
    expect((await api.request('GET', `/api/playbooks/${playbook.id}/versions`)).body).toEqual([]);
  });

  it('refuses to publish a Liquid template with an unknown variable: 422 naming the node, field and variable', async () => {
    const playbook = await create();
    const graph = samplePlaybook();
    const intro = graph.nodes.find((n) => n.id === 'intro')!;
    Object.assign(intro.config, {
      subject: 'Hi {{ lead.firstName | default: "there" }}',
      html: '<p>{{ lead.nickname | default: "friend" }}</p>',
    });
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph, revision: 1 });
    const response = await api.request('POST', `/api/playbooks/${playbook.id}/publish`, {});
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([
      {
        code: 'unknown-template-variable',
        nodeId: 'intro',
        field: 'config.html',
        message: 'unknown variable {{ lead.nickname }}',
      },
    ]);
  });

  it('refuses to publish a branch on a feature the scoring library does not compute: 422 naming node and feature', async () => {
    const playbook = await create();
    const graph = samplePlaybook();
    const replied = graph.nodes.find((n) => n.id === 'replied')!;
    Object.assign(replied.config, {
      condition: { op: 'compare', field: { scope: 'feature', name: 'emailOpens7d' }, comparator: 'gte', value: 3 },
    });
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph, revision: 1 });
    const response = await api.request('POST', `/api/playbooks/${playbook.id}/publish`, {});
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([
      {
        code: 'unknown-feature',
        nodeId: 'replied',
        field: 'config.condition',
        message: expect.stringContaining(
          'unknown feature "emailOpens7d": one of recency, frequency, value, intent, fit',
        ),
      },
    ]);
  });

  it('publishes immutable versions, lists them, reads one with its graph and restores it into the draft', async () => {
    const playbook = await create();
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph: samplePlaybook(), revision: 1 });
    const first = await api.request('POST', `/api/playbooks/${playbook.id}/publish`, { note: 'first' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ version: 1, publishedAt: expect.any(String) });
    const changed = samplePlaybook();
    changed.nodes[1] = {
      ...changed.nodes[1]!,
      config: { ...(changed.nodes[1] as any).config, body: 'Second text {{lead.firstName}}' },
    } as any;
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph: changed, revision: 2 });
    expect((await api.request('POST', `/api/playbooks/${playbook.id}/publish`, {})).body.version).toBe(2);

    const versions = await api.request('GET', `/api/playbooks/${playbook.id}/versions`);
    expect(versions.body).toEqual([
      { version: 2, note: null, publishedAt: expect.any(String), publishedBy: expect.anything() },
      { version: 1, note: 'first', publishedAt: expect.any(String), publishedBy: expect.anything() },
    ]);
    const v1 = await api.request('GET', `/api/playbooks/${playbook.id}/versions/1`);
    expect(v1.body.graph.nodes[1].config.body).toContain('Worth a quick call?');
    expect((await api.request('GET', `/api/playbooks/${playbook.id}/versions/9`)).status).toBe(404);

    const restored = await api.request('POST', `/api/playbooks/${playbook.id}/versions/1/restore`);
    expect(restored.status).toBe(201);
    expect(restored.body).toEqual({ revision: 4, issues: [] });
    const detail = await api.request('GET', `/api/playbooks/${playbook.id}`);
    expect(detail.body).toMatchObject({ status: 'active', publishedVersion: 2, draftRevision: 4 });
    expect(detail.body.draft.nodes[1].config.body).toContain('Worth a quick call?');
    // Each publish left its entry; draft saves and the restore (a draft save) leave none.
    expect(await trail(playbook.id)).toEqual([
      expect.objectContaining({
        action: 'playbook.published',
        actor: adminActor(),
        before: null,
        after: { version: 1, note: 'first' },
      }),
      expect.objectContaining({ action: 'playbook.published', actor: adminActor(), after: { version: 2, note: null } }),
    ]);
  });

  it('binds a segment with a holdout, refuses a second playbook on it with 409 naming the first, and unbinds', async () => {
    const a = await create('A');
    const b = await create('B');
    const bound = await api.request('PUT', `/api/playbooks/${a.id}/binding`, {
      segmentId: 'seg-hot',
      holdoutPercent: 10,
    });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ segmentId: 'seg-hot', holdoutPercent: 10 });
    const taken = await api.request('PUT', `/api/playbooks/${b.id}/binding`, {
      segmentId: 'seg-hot',
      holdoutPercent: 0,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toContain('"A"');
    const tooMuch = await api.request('PUT', `/api/playbooks/${b.id}/binding`, {
      segmentId: 'seg-other',
      holdoutPercent: 60,
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.issues).toEqual([expect.objectContaining({ field: 'holdoutPercent' })]);
    await api.request('PUT', `/api/playbooks/${a.id}/binding`, { segmentId: null, holdoutPercent: 0 });
    expect(
      (await api.request('PUT', `/api/playbooks/${b.id}/binding`, { segmentId: 'seg-hot', holdoutPercent: 5 })).status,
    ).toBe(200);
  });

  it('pauses and resumes a published playbook; a draft cannot be paused', async () => {
    const playbook = await create();
    expect((await api.request('POST', `/api/playbooks/${playbook.id}/pause`)).status).toBe(409);
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph: samplePlaybook(), revision: 1 });
    await api.request('POST', `/api/playbooks/${playbook.id}/publish`, {});
    const paused = await api.request('POST', `/api/playbooks/${playbook.id}/pause`);
    expect(paused.status).toBe(201);
    expect(paused.body.status).toBe('paused');
    expect((await api.request('POST', `/api/playbooks/${playbook.id}/resume`)).body.status).toBe('active');
    // Resuming an active playbook changes nothing and records nothing; the refused pause of the draft neither.
    expect((await api.request('POST', `/api/playbooks/${playbook.id}/resume`)).status).toBe(201);
    expect((await trail(playbook.id)).slice(1)).toEqual([
      expect.objectContaining({
        action: 'playbook.paused',
        actor: adminActor(),
        entityType: 'playbook',
        entityId: playbook.id,
        before: { status: 'active' },
        after: { status: 'paused' },
      }),
      expect.objectContaining({
        action: 'playbook.resumed',
        actor: adminActor(),
        before: { status: 'paused' },
        after: { status: 'active' },
      }),
    ]);
  });

  it('returns zeroed analytics for every node of a version without runs', async () => {
    const playbook = await create();
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph: samplePlaybook(), revision: 1 });
    await api.request('POST', `/api/playbooks/${playbook.id}/publish`, {});
    const analytics = await api.request('GET', `/api/playbooks/${playbook.id}/versions/1/analytics`);
    expect(analytics.status).toBe(200);
    expect(analytics.body).toHaveLength(samplePlaybook().nodes.length);
    expect(analytics.body[0]).toEqual({ nodeId: 'entry', reached: 0, waiting: 0, exited: 0, converted: 0 });
  });

  it('answers 404 for an unknown playbook', async () => {
    expect((await api.request('GET', '/api/playbooks/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api.request('GET', '/api/playbooks/not-a-uuid')).status).toBe(404);
  });
});

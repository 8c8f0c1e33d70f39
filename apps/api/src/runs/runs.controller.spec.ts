import { samplePlaybook } from '@segflow/playbook/testing';
import { Pool } from 'pg';
import { startTestApi, TestApi } from '../testing/test-api';

// Endpoint contract without a worker: workflows are started but not executed (execution is covered in e2e/).
describe('RunsController (real Postgres, Temporal without a worker)', () => {
  let api: TestApi;
  let playbookId: string;
  let leadId: string;
  let pool: Pool;
  beforeAll(async () => {
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
    pool = new Pool({ connectionString: api.config.DATABASE_URL });
    playbookId = (await api.request('POST', '/api/playbooks', { name: 'Runs' })).body.id;
    await api.request('PUT', `/api/playbooks/${playbookId}/draft`, { graph: samplePlaybook(), revision: 1 });
    await api.request('POST', `/api/playbooks/${playbookId}/publish`, {});
    leadId = (
      await api.request('POST', '/api/leads', { externalId: 'runs-1', name: 'Priya Nair', email: 'priya@acme.test' })
    ).body.id;
  });
  afterAll(async () => {
    await pool?.end();
    await api?.close();
  });

  // The run's row holds the interpreter's first step from the start (the workflow does not write it again).
  it('enrols a lead into the published version and reads the run back at its first node', async () => {
    const enrolled = await api.request('POST', '/api/runs', { leadId, playbookId });
    expect(enrolled.status).toBe(201);
    const path = [
      expect.objectContaining({ nodeId: 'entry', visit: 1, outcome: 'next' }),
      expect.objectContaining({ nodeId: 'intro', visit: 1 }),
    ];
    expect(enrolled.body).toMatchObject({
      leadId,
      playbookId,
      playbookVersion: 1,
      status: 'active',
      exitReason: null,
      path,
      touches: [],
      tasks: [],
    });
    const fetched = await api.request('GET', `/api/runs/${enrolled.body.id}`);
    expect(fetched.body).toMatchObject({
      id: enrolled.body.id,
      temporalWorkflowId: `playbook-run-${enrolled.body.id}`,
      currentNodeId: 'intro',
      path,
    });
    const { rows } = await pool.query(
      `SELECT node_id, visit FROM run_steps WHERE run_id = $1 ORDER BY entered_at, node_id`,
      [enrolled.body.id],
    );
    expect(rows).toEqual([
      { node_id: 'entry', visit: 1 },
      { node_id: 'intro', visit: 1 },
    ]);
  });

  it('filters runs by lead, playbook and status', async () => {
    expect(
      (await api.request('GET', `/api/runs?leadId=${leadId}&playbookId=${playbookId}&status=active`)).body,
    ).toHaveLength(1);
    expect((await api.request('GET', `/api/runs?leadId=${leadId}&status=converted`)).body).toEqual([]);
    const bad = await api.request('GET', '/api/runs?status=sleeping');
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('refuses enrolment into an unpublished playbook (409) and names bad fields (400)', async () => {
    const draft = (await api.request('POST', '/api/playbooks', { name: 'Unpublished' })).body.id;
    const refused = await api.request('POST', '/api/runs', { leadId, playbookId: draft });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('no published version');
    const bad = await api.request('POST', '/api/runs', { leadId });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ field: 'playbookId' })]);
  });

  it('stops an active run (the exit signal is accepted) and needs a reason', async () => {
    const [run] = (await api.request('GET', `/api/runs?leadId=${leadId}`)).body;
    expect((await api.request('POST', `/api/runs/${run.id}/stop`, {})).status).toBe(400);
    expect((await api.request('POST', `/api/runs/${run.id}/stop`, { reason: 'test' })).status).toBe(201);
  });

  it('answers 404 for an unknown run, 400 for a malformed id, and lists touches (none yet)', async () => {
    expect((await api.request('GET', '/api/runs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api.request('GET', '/api/runs/nope')).status).toBe(400);
    const touches = await api.request('GET', `/api/touches?leadId=${leadId}`);
    expect(touches).toMatchObject({ status: 200, body: [] });
  });

  it('documents every playbook and run endpoint in OpenAPI', async () => {
    const { body } = await api.request('GET', '/api/docs/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/playbooks',
        '/api/playbooks/{id}',
        '/api/playbooks/{id}/draft',
        '/api/playbooks/{id}/publish',
        '/api/playbooks/{id}/versions',
        '/api/playbooks/{id}/versions/{version}',
        '/api/playbooks/{id}/versions/{version}/restore',
        '/api/playbooks/{id}/versions/{version}/analytics',
        '/api/playbooks/{id}/binding',
        '/api/playbooks/{id}/pause',
        '/api/playbooks/{id}/resume',
        '/api/runs',
        '/api/runs/{id}',
        '/api/runs/{id}/stop',
        '/api/touches',
      ]),
    );
  });
});

import { Pool } from 'pg';
import { startTestApi, TestApi } from '../apps/api/src/testing/test-api';
import { createTestDatabase, uniqueTaskQueue } from '../tools/testing/test-database';
import { ApiProcess, ApiRequest, ProcessTarget, startApiProcess, startWorkerProcess } from './support/api-process';
import { eventually, until } from './support/eventually';
import { startInProcessWorker, TIME_SCALE } from './support/playbook-runs';
import {
  createLead,
  getRun,
  moveLead,
  publishAndBind,
  runsOfLead,
  seedAndTrain,
  SegmentKey,
  segmentPlaybook,
} from './support/segment-moves';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pendingOutboxOf = async (pool: Pool, leadId: string) =>
  (
    await pool.query(
      `SELECT id, kind, payload, last_error FROM outbox WHERE dispatched_at IS NULL AND payload->>'leadId' = $1 ORDER BY id`,
      [leadId],
    )
  ).rows;

// DESIGN invariants 1 and 2 end to end: leads and events go in through POST /api/leads and /api/events, the first
// segment model is trained through POST /api/segments/retrain, and runs come out of the segment changes that
// real-time assignment commits (membership + outbox rows) and the outbox dispatcher delivers to Temporal.
describe('segment changes drive playbook runs (public API, real Postgres + Temporal + worker)', () => {
  let api: TestApi;
  let worker: { stop(): Promise<void> };
  let pool: Pool;
  let segments: Record<SegmentKey, string>;
  let playbookId: string;
  let request: ApiRequest;
  beforeAll(async () => {
    api = await startTestApi({ PLAYBOOK_TIME_SCALE: TIME_SCALE, OUTBOX_POLL_MS: '50' });
    request = (method, url, body) => api.request(method, url, body);
    worker = await startInProcessWorker(api);
    pool = new Pool({ connectionString: api.config.DATABASE_URL, max: 2 });
    segments = await seedAndTrain(request);
    playbookId = await publishAndBind(request, segmentPlaybook({ policy: 'never' }), segments.whatsapp);
  });
  afterAll(async () => {
    await worker?.stop();
    await pool?.end();
    await api?.close();
  });

  it('entering starts exactly one run with its first touch; leaving exits it at once and cancels its task; re-entry "never" starts none', async () => {
    const { id: leadId } = await createLead(request, 'mover-never');
    await moveLead(request, 'mover-never', 0, segments);
    expect(await runsOfLead(request, leadId)).toEqual([]);

    await moveLead(request, 'mover-never', 1, segments);
    const [started] = await eventually(
      () => runsOfLead(request, leadId),
      (rs) => rs.length > 0,
    );
    const waiting = await eventually(
      () => getRun(request, started.id),
      (r) => r.currentNodeId === 'pause',
      10_000,
      100,
    );
    expect(waiting).toMatchObject({ playbookId, status: 'active', segmentId: segments.whatsapp });
    expect(waiting.touches).toEqual([
      expect.objectContaining({ nodeId: 'intro', channel: 'whatsapp', body: 'Hi Asha', status: 'sent' }),
    ]);
    expect(waiting.tasks).toEqual([expect.objectContaining({ nodeId: 'call', status: 'open' })]);

    await moveLead(request, 'mover-never', 2, segments);
    const exited = await eventually(
      () => getRun(request, started.id),
      (r) => r.status !== 'active' && r.tasks[0]?.status !== 'open',
      3_000,
      50,
    );
    expect(exited).toMatchObject({ status: 'exited', exitReason: 'left-segment:event', currentNodeId: 'pause' });
    expect(exited.tasks).toEqual([expect.objectContaining({ status: 'cancelled' })]);

    await moveLead(request, 'mover-never', 3, segments);
    await until(
      () => pendingOutboxOf(pool, leadId),
      (rows) => rows.length === 0,
    );
    await sleep(1_000);
    expect((await runsOfLead(request, leadId)).map((r) => r.id)).toEqual([started.id]);
    expect((await getRun(request, started.id)).touches).toHaveLength(1);
  });

  it('re-entry "always" (a newer published version) starts a second run on the new entry', async () => {
    const graph = segmentPlaybook({ policy: 'always' });
    const { body: playbook } = await request('GET', `/api/playbooks/${playbookId}`);
    expect(
      (await request('PUT', `/api/playbooks/${playbookId}/draft`, { graph, revision: playbook.draftRevision })).status,
    ).toBe(200);
    expect((await request('POST', `/api/playbooks/${playbookId}/publish`, { note: 'always re-enter' })).status).toBe(
      201,
    );

    const { id: leadId } = await createLead(request, 'mover-always');
    for (const step of [0, 1]) await moveLead(request, 'mover-always', step, segments);
    const [first] = await eventually(
      () => runsOfLead(request, leadId),
      (rs) => rs.length === 1,
    );
    await moveLead(request, 'mover-always', 2, segments);
    await until(
      () => getRun(request, first.id),
      (r) => r.status === 'exited',
      3_000,
      50,
    );
    await moveLead(request, 'mover-always', 3, segments);
    const runs = await eventually(
      () => runsOfLead(request, leadId),
      (rs) => rs.length === 2,
    );
    expect(runs.map((r) => [r.status, r.playbookVersion])).toEqual([
      ['exited', 2],
      ['active', 2],
    ]);
    const second = await eventually(
      () => getRun(request, runs[1].id),
      (r) => r.touches.length === 1 && r.touches[0].status !== 'queued',
    );
    expect(second.touches).toEqual([expect.objectContaining({ nodeId: 'intro', status: 'sent' })]);
  });

  it('re-entry before the old run recorded its exit: the entry is retried until the exit lands, then starts its run', async () => {
    const { id: leadId } = await createLead(request, 'mover-quick');
    for (const step of [0, 1]) await moveLead(request, 'mover-quick', step, segments);
    const [first] = await eventually(
      () => runsOfLead(request, leadId),
      (rs) => rs.length === 1,
    );
    await until(
      () => getRun(request, first.id),
      (r) => r.currentNodeId === 'pause',
      10_000,
      100,
    );

    // With no worker the old run cannot process its exit signal, so it is still active when the lead comes back.
    await worker.stop();
    await moveLead(request, 'mover-quick', 2, segments);
    await moveLead(request, 'mover-quick', 3, segments);
    const [entry] = await eventually(
      () => pendingOutboxOf(pool, leadId).then((rows) => rows.filter((r) => r.kind === 'segment_entered')),
      (rows) => rows.length === 1 && Boolean(rows[0].last_error),
    );
    expect(entry.last_error).toContain(
      `run ${first.id} of this playbook, from the lead's previous membership, has not recorded its exit yet`,
    );
    expect((await getRun(request, first.id)).status).toBe('active');

    worker = await startInProcessWorker(api);
    const runs = await eventually(
      () => runsOfLead(request, leadId),
      (rs) => rs.length === 2,
      30_000,
      200,
    );
    expect(runs.map((r) => r.status)).toEqual(['exited', 'active']);
    expect(runs[1].segmentId).toBe(segments.whatsapp);
    const second = await eventually(
      () => getRun(request, runs[1].id),
      (r) => r.touches.length === 1 && r.touches[0].status !== 'queued',
    );
    expect(second.touches).toEqual([expect.objectContaining({ nodeId: 'intro', status: 'sent' })]);
  });
});

describe('outbox recovery: the API dies between the segment-change commit and dispatch (built processes)', () => {
  let target: ProcessTarget;
  let worker: { stop(): Promise<void> };
  let pool: Pool;
  const apis: ApiProcess[] = [];
  beforeAll(async () => {
    target = {
      name: 'segment-recovery',
      databaseUrl: await createTestDatabase('segrec'),
      taskQueue: uniqueTaskQueue('segrec'),
    };
    worker = startWorkerProcess(target);
    pool = new Pool({ connectionString: target.databaseUrl, max: 2 });
  });
  afterAll(async () => {
    await Promise.all(apis.map((a) => a.kill('SIGKILL')));
    await worker?.stop();
    await pool?.end();
  });

  it('SIGKILL before dispatch, then two dispatching APIs and a duplicated row: exactly one run, one first touch', async () => {
    const committing = await startApiProcess(target, { OUTBOX_DISPATCHER: 'off', PLAYBOOK_TIME_SCALE: TIME_SCALE });
    apis.push(committing);
    const segments = await seedAndTrain(committing.request);
    const playbookId = await publishAndBind(
      committing.request,
      segmentPlaybook({ policy: 'always' }),
      segments.whatsapp,
    );
    const { id: leadId } = await createLead(committing.request, 'crash-mover');
    await moveLead(committing.request, 'crash-mover', 0, segments);
    await moveLead(committing.request, 'crash-mover', 1, segments);

    // The change is committed (membership + outbox rows) and nothing has been dispatched: kill the API outright.
    const pending = await pendingOutboxOf(pool, leadId);
    const entered = pending.filter((r) => r.kind === 'segment_entered' && r.payload.segmentId === segments.whatsapp);
    expect(entered).toHaveLength(1);
    await committing.kill('SIGKILL');
    expect(await pool.query(`SELECT 1 FROM runs WHERE lead_id = $1`, [leadId])).toMatchObject({ rowCount: 0 });

    // A duplicate delivery: the same message twice in the outbox, and two API processes dispatching at once.
    await pool.query(`INSERT INTO outbox (kind, payload) SELECT kind, payload FROM outbox WHERE id = $1`, [
      entered[0].id,
    ]);
    const restarted = await Promise.all(
      [0, 1].map(() => startApiProcess(target, { PLAYBOOK_TIME_SCALE: TIME_SCALE, OUTBOX_POLL_MS: '20' })),
    );
    apis.push(...restarted);
    expect(
      await eventually(
        () => pendingOutboxOf(pool, leadId),
        (rows) => rows.length === 0,
        20_000,
      ),
    ).toEqual([]);

    const [api1, api2] = restarted.map((a) => a.request);
    const runs = await eventually(
      () => runsOfLead(api1!, leadId),
      (rs) => rs.length > 0,
    );
    const run = await eventually(
      () => getRun(api2!, runs[0].id),
      (r) => r.touches.length > 0,
      15_000,
      100,
    );
    expect(run).toMatchObject({ playbookId, status: 'active', segmentId: segments.whatsapp });
    await sleep(1_500);
    expect((await runsOfLead(api2!, leadId)).map((r) => r.id)).toEqual([run.id]);
    expect((await getRun(api1!, run.id)).touches).toEqual([
      expect.objectContaining({ nodeId: 'intro', status: 'sent' }),
    ]);
    const workflows = await pool.query(`SELECT temporal_workflow_id FROM runs WHERE lead_id = $1`, [leadId]);
    expect(workflows.rows).toEqual([
      { temporal_workflow_id: `playbook-run-${entered[0].payload.membershipId}-${playbookId}` },
    ]);
  });
});

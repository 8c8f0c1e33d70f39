import type { RetrainScheduleStatus } from '@segflow/api-contracts';
import { driftLevel } from '@segflow/scoring';
import { DataSource } from 'typeorm';
import { RetrainScheduleService } from '../apps/api/src/segments/retrain-schedule.service';
import { TemporalClient } from '../apps/api/src/temporal/temporal.module';
import { startTestApi, TestApi, TestUser } from '../apps/api/src/testing/test-api';
import type { ApiRequest } from './support/api-process';
import { until } from './support/eventually';
import { startInProcessWorker } from './support/playbook-runs';
import { seedAndTrain } from './support/segment-moves';

// Issue 19, drift: a Temporal schedule starts the scheduled-retrain workflow (apps/worker), whose activity runs in the
// API (its own task queue) and retrains as POST /api/segments/retrain does. Triggered by hand: no test waits for a
// calendar time, and the schedule's own times never matter here.
describe('scheduled retrain (real Postgres + Temporal: schedule → worker workflow → API activity)', () => {
  let api: TestApi;
  let worker: { stop(): Promise<void> };
  let request: ApiRequest;
  let ops: TestUser;
  let rep: TestUser;
  const status = async () => (await api.request<RetrainScheduleStatus>('GET', '/api/segment-models/schedule')).body;
  const scheduleHandle = () =>
    api.app.get(TemporalClient).schedule.getHandle(api.app.get(RetrainScheduleService).scheduleId);
  /** The outcome of the first scheduled run after `previous` (a workflow id, or null before any run). */
  const nextOutcome = async (previous: string | null) =>
    (
      await until(
        status,
        (s) => !!s.lastRun && s.lastRun.workflowId !== previous && s.lastRun.outcome !== null,
        90_000,
        250,
      )
    ).lastRun!;
  const models = async () => (await api.request<{ id: string; status: string }[]>('GET', '/api/segment-models')).body;
  const candidateNotices = async (user: TestUser | null) =>
    (user
      ? await api.requestAs(user, 'GET', '/api/notifications')
      : await api.request('GET', '/api/notifications')
    ).body.filter((n: { kind: string }) => n.kind === 'segment_candidate');

  beforeAll(async () => {
    api = await startTestApi({ RETRAIN_SCHEDULE: 'weekly', RETRAIN_SCHEDULE_TIMEZONE: 'Asia/Kolkata' });
    request = (method, url, body) => api.request(method, url, body);
    worker = await startInProcessWorker(api);
    await api.app.get(RetrainScheduleService).whenReady();
    ops = await api.createUser({ role: 'ops' });
    rep = await api.createUser({ role: 'rep' });
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('is set up at boot from RETRAIN_SCHEDULE: the next run is a Monday 03:00 in the configured zone', async () => {
    const s = await status();
    expect(s).toMatchObject({ schedule: 'weekly', timezone: 'Asia/Kolkata', reachable: true, lastRun: null });
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Kolkata',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(s.nextRunAt!));
    const part = (type: string) => parts.find((p) => p.type === type)?.value;
    expect([part('weekday'), part('hour'), part('minute')]).toEqual(['Monday', '03', '00']);
  });

  it('skips cleanly while no model is active (the first model is a person’s call)', async () => {
    await scheduleHandle().trigger();
    const run = await nextOutcome(null);
    expect(run).toMatchObject({ status: 'COMPLETED', outcome: { kind: 'skipped', reason: 'no_active_model' } });
    expect(await models()).toEqual([]);
  });

  let lastWorkflowId: string;
  it('raises a candidate with a drift score, notifies admins and ops once each, and activates nothing', async () => {
    await seedAndTrain(request);
    const [active] = await models();
    const previous = (await status()).lastRun!.workflowId;
    await scheduleHandle().trigger();
    const run = await nextOutcome(previous);
    lastWorkflowId = run.workflowId;
    expect(run.outcome).toMatchObject({ kind: 'candidate', drift: { level: expect.any(String) } });
    const modelId = (run.outcome as { modelId: string }).modelId;

    const candidate = (await api.request('GET', `/api/segment-models/${modelId}`)).body;
    expect(candidate.status).toBe('candidate');
    expect(candidate.drift).toMatchObject({
      score: expect.any(Number),
      psi: expect.any(Number),
      movedShare: expect.any(Number),
      featureShift: { max: expect.any(Number) },
    });
    expect(candidate.drift.level).toBe(driftLevel(candidate.drift.score));
    // The same leads seconds later, warm-started from the active centroids: nothing to speak of has drifted.
    expect(candidate.drift.level).toBe('low');
    expect((await api.request('GET', `/api/segment-models/${active!.id}`)).body.status).toBe('active');

    for (const user of [null, ops]) {
      expect(await candidateNotices(user)).toEqual([
        expect.objectContaining({
          title: 'Segment model retrained: low drift',
          data: expect.objectContaining({ modelId, driftLevel: 'low', link: `/segments?model=${modelId}` }),
        }),
      ]);
    }
    expect(await candidateNotices(rep)).toEqual([]);
  });

  it('starts no second retrain while one holds the training lease', async () => {
    const before = await models();
    // "Run now" twice at once: the schedule skips a run while its previous one is still going…
    const [first, second] = await Promise.all([
      api.request('POST', '/api/segment-models/schedule/trigger'),
      api.request('POST', '/api/segment-models/schedule/trigger'),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const run = await nextOutcome(lastWorkflowId);
    expect(run.outcome).toMatchObject({ kind: 'candidate' });
    expect(await models()).toHaveLength(before.length + 1);
    expect(await candidateNotices(ops)).toHaveLength(2);

    // …and a run that starts while another retrain holds the lease (a manual one, another replica's) skips.
    const db = api.app.get(DataSource);
    const [{ id: training }] = await db.query(
      `INSERT INTO segment_models (status, params, training_until) VALUES ('training', '{}', now() + interval '10 minutes') RETURNING id`,
    );
    try {
      await scheduleHandle().trigger();
      const skipped = await nextOutcome(run.workflowId);
      expect(skipped.outcome).toEqual({ kind: 'skipped', reason: 'already_running' });
      expect(await models()).toHaveLength(before.length + 2);
    } finally {
      await db.query(`DELETE FROM segment_models WHERE id = $1`, [training]);
    }
  });

  it('lets only admin and ops run it now', async () => {
    expect((await api.requestAs(rep, 'POST', '/api/segment-models/schedule/trigger')).status).toBe(403);
  });
});

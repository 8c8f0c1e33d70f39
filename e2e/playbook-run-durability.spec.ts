import type { ChildProcess } from 'node:child_process';
import { Pool } from 'pg';
import { startTestApi, TestApi } from '../apps/api/src/testing/test-api';
import {
  createLead,
  followUpPlaybook,
  publishPlaybook,
  runWhen,
  startWorkerProcess,
  TIME_SCALE,
} from './support/playbook-runs';

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

// The worker runs as `node apps/worker/dist/main.js` (built by `npm test` before jest) so it can be killed
// without warning, as a crash or a deploy would.
describe('a playbook run survives its worker being killed mid-wait', () => {
  let api: TestApi;
  let worker: ChildProcess | undefined;
  let pool: Pool;
  beforeAll(async () => {
    api = await startTestApi({ PLAYBOOK_TIME_SCALE: TIME_SCALE, OUTBOX_POLL_MS: '50' });
    pool = new Pool({ connectionString: api.config.DATABASE_URL });
  });
  afterAll(async () => {
    if (worker) await kill(worker);
    await pool?.end();
    await api?.close();
  });

  it('resumes on a new worker process and every send node produced exactly one touch', async () => {
    const playbookId = await publishPlaybook(api, followUpPlaybook());
    const leadId = await createLead(api, 'durable-1');
    worker = startWorkerProcess(api);
    const runId = (await api.request('POST', '/api/runs', { leadId, playbookId })).body.id;

    await runWhen(api, runId, (r) => r.currentNodeId === 'pause', 30_000);
    await kill(worker);
    // The 2 s wait elapses while no worker is alive; the timer is Temporal's, so it still fires.
    await new Promise((r) => setTimeout(r, 2_500));
    worker = startWorkerProcess(api);
    await runWhen(api, runId, (r) => r.currentNodeId === 'reply', 30_000);
    await kill(worker);
    worker = startWorkerProcess(api);

    const ended = await runWhen(api, runId, (r) => r.status !== 'active', 45_000);
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'no-reply' });
    expect(ended.path.map((p: { nodeId: string; outcome: string }) => `${p.nodeId}:${p.outcome}`)).toEqual([
      'entry:next',
      'intro:next',
      'pause:next',
      'reply:timedOut',
      'replied:no',
      'nudge:next',
      'done:exited',
    ]);
    const { rows } = await pool.query(
      `SELECT node_id, count(*)::int AS n FROM touches WHERE run_id = $1 GROUP BY node_id ORDER BY node_id`,
      [runId],
    );
    expect(rows).toEqual([
      { node_id: 'intro', n: 1 },
      { node_id: 'nudge', n: 1 },
    ]);
  });
});

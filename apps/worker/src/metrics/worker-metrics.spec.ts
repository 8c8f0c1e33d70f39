import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { channelTaskQueue } from '@segflow/workflow-contracts';
import { Pool } from 'pg';
import { runMigrations } from '../../../api/src/database/data-source';
import { createTestDatabase, testTemporalAddress, uniqueTaskQueue } from '../../../../tools/testing/test-database';
import { recordingTouchProvider } from '../activities/playbook-touch-provider';
import { createWorker } from '../create-worker';
import { startMetricsServer } from './metrics-server';
import { runtimeOptionsFor } from '../runtime-options';
import { createWorkerMetrics } from './worker-metrics';
import { sampleOf } from '../../../../tools/testing/prometheus-text';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// A real worker (createWorker: run queue and channel queues) runs deliverTouch against real PostgreSQL through a probe
// workflow; its /metrics must then show the attempts, and the SDK's own Prometheus exporter must answer.
describe('worker metrics (real Temporal and PostgreSQL)', () => {
  const fixedNow = new Date('2026-03-02T04:30:00.000Z');
  let pool: Pool;
  let connection: Connection;
  let client: Client;
  let code: string;
  let temporalMetricsAddress: string;
  let playbook: { playbookId: string; versionId: string };

  beforeAll(async () => {
    // Before anything touches the Runtime: it is installed once per process.
    temporalMetricsAddress = `127.0.0.1:${await freePort()}`;
    Runtime.install({
      ...runtimeOptionsFor({ TEMPORAL_METRICS_ADDRESS: temporalMetricsAddress }),
      logger: new DefaultLogger('WARN'),
    });
    const url = await createTestDatabase('worker_metrics');
    await runMigrations(url);
    pool = new Pool({ connectionString: url, max: 4 });
    const [{ id: playbookId }] = (
      await pool.query(`INSERT INTO playbooks (name, draft) VALUES ('spec', '{}') RETURNING id`)
    ).rows;
    const [{ id: versionId }] = (
      await pool.query(
        `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, '{}') RETURNING id`,
        [playbookId],
      )
    ).rows;
    playbook = { playbookId, versionId };
    code = (
      await bundleWorkflowCode({
        workflowsPath: join(__dirname, '..', 'testing', 'deliver-touch-probe.workflow.ts'),
        logger: new DefaultLogger('WARN'),
      })
    ).code;
    connection = await Connection.connect({ address: testTemporalAddress() });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await connection?.close();
    await pool?.end();
  });

  /** A deliverTouch input for a new lead and run; without consent, the touch is refused. */
  async function touchInput(consented: boolean) {
    const [{ id: leadId }] = (
      await pool.query(
        `INSERT INTO leads (external_id, email, consent) VALUES (gen_random_uuid()::text, 'asha@suratsilks.in', $1) RETURNING id`,
        [JSON.stringify({ email: consented, whatsapp: true, linkedin: true })],
      )
    ).rows;
    const [{ id: runId }] = (
      await pool.query(
        `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, temporal_workflow_id) VALUES ($1, $2, $3, 1, gen_random_uuid()::text) RETURNING id`,
        [leadId, playbook.playbookId, playbook.versionId],
      )
    ).rows;
    return {
      runId,
      command: {
        kind: 'sendTouch',
        idempotencyKey: `${runId}:intro:1`,
        nodeId: 'intro',
        visit: 1,
        leadId,
        channel: 'email',
        subject: 'Hello Asha',
        body: 'Hi Asha',
        sender: { kind: 'fixed', ownerId: null, name: 'Segflow', address: 'hi@segflow.test' },
      },
      slot: { timeZone: 'Asia/Kolkata', now: fixedNow.toISOString(), cap: null },
    };
  }

  it('counts sends by channel and result, times activities, reports health, and serves the SDK metrics', async () => {
    const taskQueue = uniqueTaskQueue('worker-metrics');
    const metrics = createWorkerMetrics(() => fixedNow);
    const { worker, connection: workerConnection } = await createWorker({
      config: {
        TEMPORAL_ADDRESS: testTemporalAddress(),
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: taskQueue,
        EMAIL_FROM_DOMAIN: 'segflow.test',
        EMAIL_MAX_PER_SECOND: 10,
        WHATSAPP_MAX_PER_SECOND: 10,
      },
      pool,
      touchProvider: recordingTouchProvider,
      workflowBundle: { code },
      metrics,
    });
    const server = await startMetricsServer(metrics, () => worker.states(), { host: '127.0.0.1', port: 0 });
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
      return { status: response.status, text: await response.text() };
    };
    try {
      expect(JSON.parse((await get('/health')).text)).toMatchObject({ status: 'degraded', lastActivityAt: null });
      await worker.runUntil(async () => {
        const deliver = async (consented: boolean) =>
          client.workflow.execute('deliverTouchProbe', {
            taskQueue,
            workflowId: `metrics-${randomUUID()}`,
            args: [await touchInput(consented), channelTaskQueue(taskQueue, 'email')],
          });
        await expect(deliver(true)).resolves.toEqual({ kind: 'ok' });
        await expect(deliver(false)).rejects.toBeInstanceOf(WorkflowFailedError);

        const health = await get('/health');
        expect(health.status).toBe(200);
        expect(JSON.parse(health.text)).toEqual({
          status: 'ok',
          workers: ['RUNNING', 'RUNNING', 'RUNNING'],
          lastActivityAt: fixedNow.toISOString(),
        });
      });

      const { status, text } = await get('/metrics');
      expect(status).toBe(200);
      expect(sampleOf(text, 'segflow_worker_sends_total{channel="email",result="sent"}')).toBe(1);
      expect(sampleOf(text, 'segflow_worker_sends_total{channel="email",result="refused"}')).toBe(1);
      expect(
        sampleOf(text, 'segflow_worker_activity_duration_seconds_count{activity="deliverTouch",outcome="completed"}'),
      ).toBe(1);
      expect(
        sampleOf(text, 'segflow_worker_activity_duration_seconds_count{activity="deliverTouch",outcome="failed"}'),
      ).toBe(1);
      expect((await get('/other')).status).toBe(404);

      const sdk = await (await fetch(`http://${temporalMetricsAddress}/metrics`)).text();
      expect(sdk).toMatch(/^temporal_activity_execution_latency_bucket\{.*activity_type="deliverTouch"/m);
      expect(sdk).toMatch(/^temporal_workflow_completed\{.*workflow_type="deliverTouchProbe"/m);
    } finally {
      await server.close();
      await workerConnection.close();
    }
  });
});

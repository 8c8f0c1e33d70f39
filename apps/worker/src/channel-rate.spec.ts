import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { Client, Connection } from '@temporalio/client';
import { buildPlaybook, sampleLead } from '@segflow/playbook/testing';
import type { PlaybookRunInput } from '@segflow/workflow-contracts';
import { Pool } from 'pg';
import { runMigrations } from '../../api/src/database/data-source';
import { createTestDatabase, testTemporalAddress, uniqueTaskQueue } from '../../../tools/testing/test-database';
import type { TouchProvider } from './activities/playbook-touch-provider';
import { createWorker } from './create-worker';
import { bundleWorkflows } from './workflow-bundle';

const oneEmail = buildPlaybook({
  settings: { goalEvents: ['demo_booked'], reentry: { policy: 'always' }, quietHours: null, maxTouchesPerDay: null },
  nodes: [
    {
      id: 'hello',
      type: 'send',
      config: {
        channel: 'email',
        subject: 'Hi',
        body: 'Hi {{ lead.firstName }}',
        sender: { kind: 'fixed', name: 'Segflow', address: 'hi@segflow.test' },
        onFailure: 'skip',
      },
    },
    { id: 'done', type: 'exit', config: { reason: 'done' } },
  ],
  edges: ['entry.next->hello', 'hello.next->done'],
});

// Real Temporal and PostgreSQL: runs' deliveries go to the email task queue, whose rate Temporal's server holds.
describe('deliveries on the channel task queue, rate-limited by EMAIL_MAX_PER_SECOND', () => {
  let pool: Pool;
  let connection: Connection;
  beforeAll(async () => {
    const url = await createTestDatabase('channel_rate');
    await runMigrations(url);
    pool = new Pool({ connectionString: url, max: 5 });
    connection = await Connection.connect({ address: testTemporalAddress() });
  });
  afterAll(async () => {
    await connection?.close();
    await pool?.end();
  });

  async function seedRuns(count: number): Promise<PlaybookRunInput[]> {
    const [{ id: playbookId }] = (
      await pool.query(`INSERT INTO playbooks (name, draft, status) VALUES ('rate', $1, 'active') RETURNING id`, [
        JSON.stringify(oneEmail),
      ])
    ).rows;
    const [{ id: versionId }] = (
      await pool.query(`INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, $2) RETURNING id`, [
        playbookId,
        JSON.stringify(oneEmail),
      ])
    ).rows;
    return Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const [{ id: leadId }] = (
          await pool.query(`INSERT INTO leads (external_id, name, email) VALUES ($1, 'Asha', $2) RETURNING id`, [
            `rate-${i}-${randomUUID()}`,
            `asha${i}@suratsilks.in`,
          ])
        ).rows;
        const runId = randomUUID();
        await pool.query(
          `INSERT INTO runs (id, lead_id, playbook_id, playbook_version_id, playbook_version, temporal_workflow_id) VALUES ($1, $2, $3, $4, 1, $5)`,
          [runId, leadId, playbookId, versionId, `rate-${runId}`],
        );
        return {
          runId,
          leadId,
          playbookId,
          playbookVersionId: versionId,
          playbookVersion: 1,
          graph: oneEmail,
          lead: sampleLead({ id: leadId, owner: null }),
          paused: false,
          timeScale: 1,
          startedAt: new Date().toISOString(),
        };
      }),
    );
  }

  it('sends 6 emails at 2 a second on <queue>-email', async () => {
    const taskQueue = uniqueTaskQueue('rate');
    const sends: Array<{ at: number; taskQueue: string }> = [];
    const provider: TouchProvider = {
      async send(touch) {
        sends.push({ at: Date.now(), taskQueue: Context.current().info.taskQueue });
        return { providerMessageId: touch.messageId };
      },
    };
    const { worker, connection: workerConnection } = await createWorker({
      config: {
        TEMPORAL_ADDRESS: testTemporalAddress(),
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: taskQueue,
        EMAIL_FROM_DOMAIN: 'mail.segflow.test',
        EMAIL_MAX_PER_SECOND: 2,
        WHATSAPP_MAX_PER_SECOND: 2,
      },
      pool,
      touchProvider: provider,
      workflowBundle: await bundleWorkflows(),
    });
    const client = new Client({ connection });
    try {
      await worker.runUntil(async () => {
        const runs = await seedRuns(6);
        const handles = await Promise.all(
          runs.map((input) =>
            client.workflow.start('playbookRunWorkflow', {
              taskQueue,
              workflowId: `rate-${input.runId}`,
              args: [input],
            }),
          ),
        );
        await Promise.all(handles.map((h) => h.result()));
      });
    } finally {
      await workerConnection.close();
    }
    expect(sends.map((s) => s.taskQueue)).toEqual(Array(6).fill(`${taskQueue}-email`));
    const span = Math.max(...sends.map((s) => s.at)) - Math.min(...sends.map((s) => s.at));
    // Never faster than the limit: 6 at 2/s take at least 2 s even if the server lets a first burst through at once.
    // (Slower is possible: the server divides the rate over the queue's partitions, see README "Email".)
    expect(span).toBeGreaterThanOrEqual(1_900);
    expect(Number((await pool.query(`SELECT count(*) FROM touches WHERE status = 'sent'`)).rows[0].count)).toBe(6);
  });
});

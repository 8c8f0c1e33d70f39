import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { buildPlaybook, sampleLead } from '@segflow/playbook/testing';
import { playbookRunStateQuery, type PlaybookRunInput } from '@segflow/workflow-contracts';
import { Pool } from 'pg';
import { testTemporalAddress, uniqueTaskQueue } from '../../../tools/testing/test-database';
import { recordingTouchProvider } from './activities/playbook-touch-provider';
import { createWorker } from './create-worker';
import { bundleWorkflows } from './workflow-bundle';

// entry → wait 1 h → exit, started as the API starts it (its first state already mirrored): the run only waits, so
// its worker needs no database.
const playbook = buildPlaybook({
  nodes: [
    { id: 'hold', type: 'wait', config: { mode: 'duration', minutes: 60 } },
    { id: 'done', type: 'exit', config: { reason: 'done' } },
  ],
  edges: ['entry.next->hold', 'hold.next->done'],
});

describe('createWorker: stacks captured in the workflow threads', () => {
  let code: string;
  let connection: Connection;
  let client: Client;
  beforeAll(async () => {
    code = (await bundleWorkflows()).code;
    connection = await Connection.connect({ address: testTemporalAddress() });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await connection?.close();
  });

  /** What the SDK's `__stack_trace` query answers for a waiting run on a worker created with `limit`. */
  async function stackTraceOfAWaitingRun(limit: number | undefined): Promise<string> {
    const taskQueue = uniqueTaskQueue('stack-trace');
    const pool = new Pool({ connectionString: 'postgres://unused@127.0.0.1:1/unused' }); // never connects
    const { worker, connection: workerConnection } = await createWorker({
      config: {
        TEMPORAL_ADDRESS: testTemporalAddress(),
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKFLOW_STACK_TRACE_LIMIT: limit,
        EMAIL_FROM_DOMAIN: 'segflow.test',
        EMAIL_MAX_PER_SECOND: 10,
        WHATSAPP_MAX_PER_SECOND: 10,
      },
      pool,
      touchProvider: recordingTouchProvider,
      workflowBundle: { code },
    });
    try {
      return await worker.runUntil(async () => {
        const runId = randomUUID();
        const input: PlaybookRunInput = {
          runId,
          leadId: randomUUID(),
          playbookId: randomUUID(),
          playbookVersionId: randomUUID(),
          playbookVersion: 1,
          graph: playbook,
          lead: sampleLead(),
          paused: false,
          timeScale: 1,
          startedAt: new Date().toISOString(),
        };
        const handle = await client.workflow.start('playbookRunWorkflow', {
          taskQueue,
          workflowId: `stack-trace-${runId}`,
          args: [input],
        });
        expect(await handle.query(playbookRunStateQuery)).toMatchObject({ currentNodeId: 'hold', status: 'active' });
        const stack = await handle.query<string>('__stack_trace');
        await handle.terminate('test over');
        return stack;
      });
    } finally {
      await workerConnection.close();
      await pool.end();
    }
  }

  it('captures no frames by default: the promise hook no longer walks and source-maps a stack per workflow promise', async () => {
    const stack = await stackTraceOfAWaitingRun(undefined);
    expect(stack).not.toMatch(/\bat /);
    expect(stack).not.toMatch(/playbook-run\.workflow/);
  });

  it('captures them again with WORKFLOW_STACK_TRACE_LIMIT, naming the workflow code the run waits in', async () => {
    expect(await stackTraceOfAWaitingRun(10)).toMatch(/playbook-run\.workflow/);
  });

  it("leaves the calling thread's own limit as it was", async () => {
    const before = Error.stackTraceLimit;
    await stackTraceOfAWaitingRun(0);
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('here').stack!.split('\n').length).toBeGreaterThan(2);
  });
});

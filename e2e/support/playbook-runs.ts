import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Playbook } from '@segflow/playbook';
import { buildPlaybook } from '@segflow/playbook/testing';
import type { TestApi } from '../../apps/api/src/testing/test-api';
import { loadWorkerConfigOrThrow } from '../../apps/worker/src/config';
import { createWorker } from '../../apps/worker/src/create-worker';
import { createDatabasePool } from '../../apps/worker/src/database-pool';
import { createTouchProvider } from '../../apps/worker/src/touch-providers';
import { bundleWorkflows } from '../../apps/worker/src/workflow-bundle';
import { testWorkerEmailEnv } from '../../tools/testing/test-database';
import { eventually } from './eventually';

const repoRoot = join(__dirname, '..', '..');

/** Interpreter minutes per real second in these tests: a 2-minute wait takes 2 s. */
export const TIME_SCALE = '60';

/**
 * send → wait 2 min → waitForEvent(email_reply, 3 min) → branch(replied?) → yes: call task → goal(demo_booked)
 * / no: second send → exit. With TIME_SCALE the waits take 2 s and 3 s.
 */
export function followUpPlaybook(): Playbook {
  return buildPlaybook({
    settings: { goalEvents: ['demo_booked'], reentry: { policy: 'always' }, quietHours: null, maxTouchesPerDay: null },
    nodes: [
      {
        id: 'intro',
        type: 'send',
        config: {
          channel: 'email',
          subject: 'Hello {{lead.firstName}}',
          body: 'Hi {{lead.firstName}} at {{lead.company}}',
          sender: { kind: 'fixed', name: 'Segflow', address: 'hi@segflow.test' },
          onFailure: 'skip',
        },
      },
      { id: 'pause', type: 'wait', config: { mode: 'duration', minutes: 2 } },
      { id: 'reply', type: 'waitForEvent', config: { eventTypes: ['email_reply'], timeoutMinutes: 3 } },
      { id: 'replied', type: 'branch', config: { condition: { op: 'eventSeen', eventType: 'email_reply' } } },
      {
        id: 'call',
        type: 'task',
        config: {
          taskType: 'call',
          title: 'Call {{lead.firstName}}',
          priority: 'high',
          dueInMinutes: 60,
          waitForCompletion: false,
          timeoutMinutes: 0,
        },
      },
      { id: 'booked', type: 'goal', config: { eventTypes: ['demo_booked'], windowMinutes: 10 } },
      {
        id: 'nudge',
        type: 'send',
        config: {
          channel: 'email',
          subject: 'Still there?',
          body: 'Any thoughts, {{lead.firstName}}?',
          sender: { kind: 'fixed', name: 'Segflow', address: 'hi@segflow.test' },
          onFailure: 'skip',
        },
      },
      { id: 'done', type: 'exit', config: { reason: 'no-reply' } },
    ],
    edges: [
      'entry.next->intro',
      'intro.next->pause',
      'pause.next->reply',
      'reply.matched->replied',
      'reply.timedOut->replied',
      'replied.yes->call',
      'call.next->booked',
      'replied.no->nudge',
      'nudge.next->done',
    ],
  });
}

/** Creates, saves and publishes a playbook through the API; returns its id. */
export async function publishPlaybook(api: TestApi, graph: Playbook, name = 'Follow-up'): Promise<string> {
  const created = await api.request('POST', '/api/playbooks', { name });
  const saved = await api.request('PUT', `/api/playbooks/${created.body.id}/draft`, {
    graph,
    revision: created.body.draftRevision,
  });
  if (saved.status !== 200) throw new Error(`draft not saved: ${JSON.stringify(saved.body)}`);
  const published = await api.request('POST', `/api/playbooks/${created.body.id}/publish`, { note: 'test' });
  if (published.status !== 201) throw new Error(`not published: ${JSON.stringify(published.body)}`);
  return created.body.id;
}

/** Creates a lead through the API; returns its id. */
export async function createLead(api: TestApi, externalId: string): Promise<string> {
  const response = await api.request('POST', '/api/leads', {
    externalId,
    name: 'Asha Rao',
    company: 'Surat Silks',
    email: `${externalId}@suratsilks.test`,
  });
  if (response.status !== 201) throw new Error(`lead not created: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

let eventSeq = 0;

/** Posts one event through `POST /api/events` (the public ingest path). */
export async function postEvent(
  api: TestApi,
  leadExternalId: string,
  type: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  eventSeq += 1;
  const event = {
    eventId: `e2e-${Date.now()}-${eventSeq}`,
    leadExternalId,
    type,
    occurredAt: new Date().toISOString(),
    ...extra,
  };
  const response = await api.request('POST', '/api/events', { events: [event] });
  if (response.status !== 200 || response.body.results?.[0]?.status === 'rejected')
    throw new Error(`event refused: ${JSON.stringify(response.body)}`);
}

/** The run as `GET /api/runs/:id` returns it. */
export const getRun = async (api: TestApi, id: string) => (await api.request('GET', `/api/runs/${id}`)).body;

/** Waits until the run satisfies `accept` (returns the last value seen). */
export function runWhen(api: TestApi, id: string, accept: (run: any) => boolean, timeoutMs = 20_000): Promise<any> {
  return eventually(() => getRun(api, id), accept, timeoutMs, 100);
}

/** An in-process worker on the test API's task queue and database; `env` adds worker variables (e.g. WhatsApp's). */
export async function startInProcessWorker(
  api: TestApi,
  env: Record<string, string> = {},
): Promise<{ stop(): Promise<void> }> {
  const config = loadWorkerConfigOrThrow({
    DATABASE_URL: api.config.DATABASE_URL,
    TEMPORAL_ADDRESS: api.config.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: api.config.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: api.config.TEMPORAL_TASK_QUEUE,
    ...testWorkerEmailEnv(),
    ...env,
  });
  const pool = createDatabasePool(api.config.DATABASE_URL, 5);
  const touches = createTouchProvider(config, pool);
  const { worker, connection } = await createWorker({
    config,
    pool,
    touchProvider: touches.provider,
    workflowBundle: await bundleWorkflows(),
  });
  const running = worker.run();
  let stopped: Promise<void> | null = null;
  const stop = async () => {
    worker.shutdown();
    await running;
    touches.close();
    await connection.close();
    await pool.end();
  };
  // Idempotent: a test that stops its worker and fails before restarting it leaves afterAll a second stop.
  return { stop: () => (stopped ??= stop()) };
}

/** The built worker (`apps/worker/dist/main.js`) as a child process, so a test can SIGKILL it. */
export function startWorkerProcess(api: TestApi): ChildProcess {
  const main = join(repoRoot, 'apps', 'worker', 'dist', 'main.js');
  if (!existsSync(main))
    throw new Error(
      `${main} is missing: build first (npx tsc -b tsconfig.build.json && node apps/worker/dist/bundle-workflows.js)`,
    );
  return spawn(process.execPath, [main], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: api.config.DATABASE_URL,
      TEMPORAL_ADDRESS: api.config.TEMPORAL_ADDRESS,
      TEMPORAL_TASK_QUEUE: api.config.TEMPORAL_TASK_QUEUE,
      LOG_LEVEL: 'warn',
      ...testWorkerEmailEnv(),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

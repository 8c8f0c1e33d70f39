import { randomUUID } from 'node:crypto';
import { buildPlaybook, sampleLead } from '@segflow/playbook/testing';
import type { Playbook, PlaybookSettings } from '@segflow/playbook';
import {
  leadEventSignal,
  leadEventsSignal,
  PLAYBOOK_RUN_WORKFLOW,
  playbookRunStateQuery,
  type PlaybookRunInput,
} from '@segflow/workflow-contracts';
import { Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { startTestApi, TestApi } from '../apps/api/src/testing/test-api';
import { TemporalClient } from '../apps/api/src/temporal/temporal.module';
import { WORKFLOW_BUNDLE_PATH } from '../apps/worker/src/workflow-bundle';
import { eventually, until } from './support/eventually';
import {
  createLead,
  postEvent,
  publishPlaybook,
  runWhen,
  startInProcessWorker,
  TIME_SCALE,
} from './support/playbook-runs';

const settings: PlaybookSettings = {
  goalEvents: ['demo_booked'],
  reentry: { policy: 'always' },
  quietHours: null,
  maxTouchesPerDay: null,
};
const pathOf = (run: { path: Array<{ nodeId: string; outcome?: string }> }) =>
  run.path.map((p) => `${p.nodeId}:${p.outcome ?? '…'}`);

describe('playbook run node behaviours (route, task completion, feature branches, continue-as-new)', () => {
  let api: TestApi;
  let worker: { stop(): Promise<void> };
  let pool: Pool;
  beforeAll(async () => {
    api = await startTestApi({ PLAYBOOK_TIME_SCALE: TIME_SCALE, OUTBOX_POLL_MS: '50' });
    worker = await startInProcessWorker(api);
    pool = new Pool({ connectionString: api.config.DATABASE_URL });
  });
  afterAll(async () => {
    await worker?.stop();
    await pool?.end();
    await api?.close();
  });

  /** Publishes `graph` and starts its run workflow directly (no outbox), with its `runs` row. */
  async function startRunWorkflow(
    graph: Playbook,
    name: string,
    externalId: string,
    extra: Partial<PlaybookRunInput> = {},
  ) {
    const playbookId = await publishPlaybook(api, graph, name);
    const leadId = await createLead(api, externalId);
    const {
      rows: [version],
    } = await pool.query(`SELECT id FROM playbook_versions WHERE playbook_id = $1`, [playbookId]);
    const runId = randomUUID();
    const workflowId = `playbook-run-${runId}`;
    await pool.query(
      `INSERT INTO runs (id, lead_id, playbook_id, playbook_version_id, playbook_version, temporal_workflow_id) VALUES ($1, $2, $3, $4, 1, $5)`,
      [runId, leadId, playbookId, version.id, workflowId],
    );
    const input: PlaybookRunInput = {
      runId,
      leadId,
      playbookId,
      playbookVersionId: version.id,
      playbookVersion: 1,
      graph,
      lead: sampleLead({ id: leadId }),
      paused: false,
      timeScale: 1,
      ...extra,
    };
    const client = api.app.get(TemporalClient);
    const handle = await client.workflow.start(PLAYBOOK_RUN_WORKFLOW, {
      args: [input],
      taskQueue: api.config.TEMPORAL_TASK_QUEUE,
      workflowId,
    });
    return { handle, runId };
  }

  it('routes the owner round robin, records the reason, and sends as the new owner', async () => {
    await pool.query(`INSERT INTO teams (id, name) VALUES ('inbound', 'Inbound')`);
    await pool.query(
      `INSERT INTO reps (id, name, email, team_id) VALUES ('rep-a', 'Asha', 'asha@segflow.test', 'inbound'), ('rep-b', 'Bala', 'bala@segflow.test', 'inbound')`,
    );
    const playbookId = await publishPlaybook(
      api,
      buildPlaybook({
        settings,
        nodes: [
          { id: 'assign', type: 'route', config: { rule: { kind: 'roundRobin', teamId: 'inbound' } } },
          {
            id: 'hello',
            type: 'send',
            config: {
              channel: 'email',
              subject: 'Hi',
              body: 'Hi, {{owner.name}} here',
              sender: { kind: 'owner' },
              onFailure: 'skip',
            },
          },
          { id: 'end', type: 'exit', config: { reason: 'done' } },
        ],
        edges: ['entry.next->assign', 'assign.next->hello', 'hello.next->end'],
      }),
      'Routing',
    );
    const owners: string[] = [];
    for (const name of ['route-1', 'route-2']) {
      const leadId = await createLead(api, name);
      const runId = (await api.request('POST', '/api/runs', { leadId, playbookId })).body.id;
      const ended = await runWhen(api, runId, (r) => r.status !== 'active');
      expect(pathOf(ended)).toEqual(['entry:next', 'assign:next', 'hello:next', 'end:exited']);
      const {
        rows: [lead],
      } = await pool.query(`SELECT owner_id FROM leads WHERE id = $1`, [leadId]);
      const {
        rows: [decision],
      } = await pool.query(`SELECT rep_id, reason FROM owner_assignments WHERE run_id = $1`, [runId]);
      expect(decision.reason).toContain('round robin in team Inbound');
      expect(lead.owner_id).toBe(decision.rep_id);
      expect(ended.touches[0]).toMatchObject({
        body: `Hi, ${decision.rep_id === 'rep-a' ? 'Asha' : 'Bala'} here`,
        sender: { kind: 'owner', ownerId: decision.rep_id },
      });
      owners.push(decision.rep_id);
    }
    expect(new Set(owners).size).toBe(2);
  });

  it('skips a rep who is out of office and says so in the recorded reason', async () => {
    await pool.query(`INSERT INTO teams (id, name) VALUES ('field', 'Field')`);
    await pool.query(
      `INSERT INTO reps (id, name, email, team_id) VALUES ('rep-c', 'Chen', 'chen@segflow.test', 'field'), ('rep-d', 'Divya', 'divya@segflow.test', 'field')`,
    );
    await pool.query(
      `INSERT INTO out_of_office (rep_id, starts_at, ends_at) VALUES ('rep-c', now() - interval '1 day', now() + interval '2 days')`,
    );
    const playbookId = await publishPlaybook(
      api,
      buildPlaybook({
        settings,
        nodes: [
          { id: 'assign', type: 'route', config: { rule: { kind: 'roundRobin', teamId: 'field' } } },
          { id: 'end', type: 'exit', config: { reason: 'done' } },
        ],
        edges: ['entry.next->assign', 'assign.next->end'],
      }),
      'Routing around absence',
    );
    for (const name of ['ooo-1', 'ooo-2']) {
      const leadId = await createLead(api, name);
      const runId = (await api.request('POST', '/api/runs', { leadId, playbookId })).body.id;
      await runWhen(api, runId, (r) => r.status !== 'active');
      const {
        rows: [decision],
      } = await pool.query(`SELECT rep_id, reason FROM owner_assignments WHERE run_id = $1`, [runId]);
      expect(decision.rep_id).toBe('rep-d');
      expect(decision.reason).toMatch(/Chen: out of office/);
    }
  });

  it('waits for a task to be completed and continues on done', async () => {
    const playbookId = await publishPlaybook(
      api,
      buildPlaybook({
        settings,
        nodes: [
          {
            id: 'call',
            type: 'task',
            config: {
              taskType: 'call',
              title: 'Call {{lead.firstName}}',
              priority: 'urgent',
              dueInMinutes: 30,
              waitForCompletion: true,
              timeoutMinutes: 60,
            },
          },
          { id: 'won', type: 'exit', config: { reason: 'called' } },
          { id: 'late', type: 'exit', config: { reason: 'not-called' } },
        ],
        edges: ['entry.next->call', 'call.done->won', 'call.timedOut->late'],
      }),
      'Task',
    );
    const leadId = await createLead(api, 'task-1');
    const runId = (await api.request('POST', '/api/runs', { leadId, playbookId })).body.id;
    const waiting = await runWhen(api, runId, (r) => r.tasks.length === 1);
    const completed = await api.request('POST', `/api/runs/${runId}/tasks/${waiting.tasks[0].id}/complete`, {
      outcome: 'spoke',
    });
    expect(completed.body).toMatchObject({ status: 'done', outcome: 'spoke' });
    const ended = await runWhen(api, runId, (r) => r.status !== 'active');
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'called' });
    expect(ended.path.find((p: { nodeId: string }) => p.nodeId === 'call')).toMatchObject({
      outcome: 'done',
      note: 'task:spoke',
    });
  });

  it('an exit cancels the open tasks of the run', async () => {
    const playbookId = await publishPlaybook(
      api,
      buildPlaybook({
        settings,
        nodes: [
          {
            id: 'call',
            type: 'task',
            config: {
              taskType: 'call',
              title: 'Call',
              priority: 'normal',
              dueInMinutes: 30,
              waitForCompletion: true,
              timeoutMinutes: 60,
            },
          },
          { id: 'x', type: 'exit', config: { reason: 'x' } },
        ],
        edges: ['entry.next->call', 'call.done->x', 'call.timedOut->x'],
      }),
      'Cancel',
    );
    const leadId = await createLead(api, 'task-2');
    const runId = (await api.request('POST', '/api/runs', { leadId, playbookId })).body.id;
    await runWhen(api, runId, (r) => r.tasks.length === 1);
    await api.request('POST', `/api/runs/${runId}/stop`, { reason: 'left' });
    const ended = await runWhen(api, runId, (r) => r.status !== 'active' && r.tasks[0].status !== 'open');
    expect(ended.tasks[0]).toMatchObject({ status: 'cancelled', outcome: 'run-ended' });
  });

  // The run starts with intent 0 for both leads; one replies during the wait. Only a branch that reads the lead's
  // features when it evaluates (not the copy taken at the start) sends that one down `yes`.
  it("branches on the lead's features as they are when the branch evaluates, and notes the values used", async () => {
    const playbookId = await publishPlaybook(
      api,
      buildPlaybook({
        settings,
        nodes: [
          { id: 'pause', type: 'wait', config: { mode: 'duration', minutes: 2 } },
          {
            id: 'hot',
            type: 'branch',
            config: {
              condition: { op: 'compare', field: { scope: 'feature', name: 'intent' }, comparator: 'gte', value: 0.5 },
            },
          },
          { id: 'call', type: 'exit', config: { reason: 'hot' } },
          { id: 'nurture', type: 'exit', config: { reason: 'cold' } },
        ],
        edges: ['entry.next->pause', 'pause.next->hot', 'hot.yes->call', 'hot.no->nurture'],
      }),
      'Feature branch',
    );
    const runOf = async (externalId: string) => {
      const leadId = await createLead(api, externalId);
      const started = await api.request('POST', '/api/runs', { leadId, playbookId });
      expect(started.status).toBe(201);
      return started.body.id as string;
    };
    const [warm, cold] = [await runOf('features-warm'), await runOf('features-cold')];
    await postEvent(api, 'features-warm', 'email_reply');

    const warmEnded = await runWhen(api, warm, (r) => r.status !== 'active');
    expect(pathOf(warmEnded)).toEqual(['entry:next', 'pause:next', 'hot:yes', 'call:exited']);
    // ln(1 + 4): an email reply adds 4 to the intent accumulator (libs/scoring event contributions).
    expect(warmEnded.path.find((p: { nodeId: string }) => p.nodeId === 'hot').note).toMatch(
      /^features:intent=1\.6\d*$/,
    );
    const coldEnded = await runWhen(api, cold, (r) => r.status !== 'active');
    expect(pathOf(coldEnded)).toEqual(['entry:next', 'pause:next', 'hot:no', 'nurture:exited']);
    expect(coldEnded.path.find((p: { nodeId: string }) => p.nodeId === 'hot').note).toBe('features:intent=0');
    // The read is a recorded local activity: the run's history replays to the same decision.
    const history = await api.app.get(TemporalClient).workflow.getHandle(warmEnded.temporalWorkflowId).fetchHistory();
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH } }, history, 'feature-branch'),
    ).resolves.toBeUndefined();
  });

  it('continues as new when the history gets long, keeping state and pending signals', async () => {
    const graph = buildPlaybook({
      settings,
      nodes: [
        { id: 'reply', type: 'waitForEvent', config: { eventTypes: ['email_reply'], timeoutMinutes: 60 } },
        { id: 'yes', type: 'exit', config: { reason: 'replied' } },
        { id: 'no', type: 'exit', config: { reason: 'silent' } },
      ],
      edges: ['entry.next->reply', 'reply.matched->yes', 'reply.timedOut->no'],
    });
    const { handle, runId } = await startRunWorkflow(graph, 'Long', 'long-1', { historyLimit: 40 });
    for (let i = 0; i < 12; i += 1) {
      await handle.signal(leadEventSignal, { event: { type: 'email_open', occurredAt: new Date().toISOString() } });
      await new Promise((r) => setTimeout(r, 100));
    }
    const continued = await eventually(
      () => handle.describe(),
      (d) => d.runId !== handle.firstExecutionRunId,
      15_000,
    );
    expect(continued.runId).not.toBe(handle.firstExecutionRunId);
    expect((await handle.query(playbookRunStateQuery)).currentNodeId).toBe('reply');
    await handle.signal(leadEventSignal, { event: { type: 'email_reply', occurredAt: new Date().toISOString() } });
    const {
      rows: [row],
    } = await eventually(
      () => pool.query(`SELECT status, exit_reason FROM runs WHERE id = $1`, [runId]),
      (r) => r.rows[0]?.status !== 'active',
      15_000,
    );
    expect(row).toEqual({ status: 'exited', exit_reason: 'replied' });
  });

  it('feeds a batch of lead events (one leadEvents signal) in order, and mirrors the run once for the burst', async () => {
    const graph = buildPlaybook({
      settings,
      nodes: [
        { id: 'email', type: 'waitForEvent', config: { eventTypes: ['email_reply'], timeoutMinutes: 60 } },
        { id: 'whatsapp', type: 'waitForEvent', config: { eventTypes: ['whatsapp_reply'], timeoutMinutes: 60 } },
        { id: 'both', type: 'exit', config: { reason: 'replied-on-both' } },
        { id: 'silent', type: 'exit', config: { reason: 'silent' } },
      ],
      edges: [
        'entry.next->email',
        'email.matched->whatsapp',
        'email.timedOut->silent',
        'whatsapp.matched->both',
        'whatsapp.timedOut->silent',
      ],
    });
    const { handle, runId } = await startRunWorkflow(graph, 'Batch', 'batch-1');
    await until(
      () => pool.query(`SELECT current_node_id FROM runs WHERE id = $1`, [runId]),
      (r) => r.rows[0]?.current_node_id === 'email',
    );
    const at = new Date().toISOString();
    // Only in this order does the run reach `both`: the WhatsApp reply matches only once the email reply has moved it on.
    const events = [
      { type: 'email_open', channel: 'email' as const },
      { type: 'email_reply', channel: 'email' as const },
      { type: 'whatsapp_reply', channel: 'whatsapp' as const },
    ];
    await handle.signal(leadEventsSignal, { events: events.map((e) => ({ event: { ...e, occurredAt: at } })) });
    const {
      rows: [row],
    } = await eventually(
      () => pool.query(`SELECT status, exit_reason FROM runs WHERE id = $1`, [runId]),
      (r) => r.rows[0]?.status !== 'active',
      15_000,
    );
    expect(row).toEqual({ status: 'exited', exit_reason: 'replied-on-both' });
    // recordProgress is a local activity (one marker each): once at the start, once after the burst of three steps.
    const history = await handle.fetchHistory();
    const progressWrites = history.events!.filter(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    );
    expect(progressWrites).toHaveLength(2);
    // The new paths (leadEvents, coalesced progress, local cancel) replay deterministically from their own history.
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH } }, history, 'batched-events'),
    ).resolves.toBeUndefined();
  });
});

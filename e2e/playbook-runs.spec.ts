import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { buildPlaybook } from '@segflow/playbook/testing';
import { leadEventsSignal, type LeadEventsSignalPayload } from '@segflow/workflow-contracts';
import { startTestApi, TestApi } from '../apps/api/src/testing/test-api';
import { TemporalClient } from '../apps/api/src/temporal/temporal.module';
import { bundleWorkflows } from '../apps/worker/src/workflow-bundle';
import {
  createLead,
  followUpPlaybook,
  getRun,
  postEvent,
  publishPlaybook,
  runWhen,
  startInProcessWorker,
  TIME_SCALE,
} from './support/playbook-runs';

const pathOf = (run: { path: Array<{ nodeId: string; outcome?: string }> }) =>
  run.path.map((p) => `${p.nodeId}:${p.outcome ?? '…'}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The types of the lead events a run was signalled, in order, from its Temporal history. */
async function signalledEventTypes(api: TestApi, workflowId: string): Promise<string[]> {
  const { events } = await api.app.get(TemporalClient).workflow.getHandle(workflowId).fetchHistory();
  return (events ?? []).flatMap((e) => {
    const signal = e.workflowExecutionSignaledEventAttributes;
    if (signal?.signalName !== leadEventsSignal.name) return [];
    const { events: delivered } = defaultPayloadConverter.fromPayload<LeadEventsSignalPayload>(
      signal.input!.payloads![0]!,
    );
    return delivered.map((d) => d.event.type);
  });
}

describe('playbook runs through the public API (API + worker + Temporal + Postgres)', () => {
  let api: TestApi;
  let worker: { stop(): Promise<void> };
  let playbookId: string;
  beforeAll(async () => {
    api = await startTestApi({ PLAYBOOK_TIME_SCALE: TIME_SCALE, OUTBOX_POLL_MS: '50' });
    worker = await startInProcessWorker(api);
    playbookId = await publishPlaybook(api, followUpPlaybook());
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('send → wait 2 s → reply posted to /api/events → branch yes → call task → demo booked: converted', async () => {
    const leadId = await createLead(api, 'run-happy');
    const enrolled = await api.request('POST', '/api/runs', { leadId, playbookId });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({
      status: 'active',
      playbookVersion: 1,
      temporalWorkflowId: `playbook-run-${enrolled.body.id}`,
    });
    const runId = enrolled.body.id;

    const waitingForReply = await runWhen(api, runId, (r) => r.currentNodeId === 'reply');
    expect(pathOf(waitingForReply)).toEqual(['entry:next', 'intro:next', 'pause:next', 'reply:…']);
    const touches = (await api.request('GET', `/api/touches?leadId=${leadId}`)).body;
    expect(touches).toEqual([
      expect.objectContaining({
        nodeId: 'intro',
        channel: 'email',
        subject: 'Hello Asha',
        body: 'Hi Asha at Surat Silks',
        status: 'sent',
        runId,
      }),
    ]);

    await postEvent(api, 'run-happy', 'email_reply', { replyTo: { touchId: touches[0].id } });
    const atGoal = await runWhen(api, runId, (r) => r.currentNodeId === 'booked');
    expect(pathOf(atGoal)).toEqual([
      'entry:next',
      'intro:next',
      'pause:next',
      'reply:matched',
      'replied:yes',
      'call:next',
      'booked:…',
    ]);
    expect(atGoal.tasks).toEqual([
      expect.objectContaining({ nodeId: 'call', title: 'Call Asha', priority: 'high', status: 'open' }),
    ]);

    await postEvent(api, 'run-happy', 'demo_booked');
    const ended = await runWhen(api, runId, (r) => r.status !== 'active');
    expect(ended).toMatchObject({ status: 'converted', currentNodeId: 'booked' });
    expect(ended.touches).toHaveLength(1);
    const listed = (await api.request('GET', `/api/runs?leadId=${leadId}&status=converted`)).body;
    expect(listed.map((r: { id: string }) => r.id)).toEqual([runId]);

    // Determinism: the recorded history of this very run replays against the current workflow code.
    const history = await api.app.get(TemporalClient).workflow.getHandle(ended.temporalWorkflowId).fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: await bundleWorkflows() }, history, ended.temporalWorkflowId);
    if (process.env.RECORD_PLAYBOOK_HISTORY === '1') {
      const dir = join(__dirname, '..', 'apps', 'worker', 'src', 'workflows', 'fixtures');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'playbook-run-history.json'), historyToJSON(history));
    }
  });

  it('signals each run only the events its playbook hears: a click reaches the run waiting for it, not the run beside it', async () => {
    // Waits for an email click, an event no playbook heard before runs were signalled by what their versions hear.
    const waitsForClick = await publishPlaybook(
      api,
      buildPlaybook({
        settings: {
          goalEvents: ['demo_booked'],
          reentry: { policy: 'always' },
          quietHours: null,
          maxTouchesPerDay: null,
        },
        nodes: [
          { id: 'click', type: 'waitForEvent', config: { eventTypes: ['email_click'], timeoutMinutes: 60 } },
          { id: 'clicked', type: 'exit', config: { reason: 'clicked' } },
          { id: 'silent', type: 'exit', config: { reason: 'no-click' } },
        ],
        edges: ['entry.next->click', 'click.matched->clicked', 'click.timedOut->silent'],
      }),
      'Waits for a click',
    );
    const leadId = await createLead(api, 'run-heard');
    const followUp = (await api.request('POST', '/api/runs', { leadId, playbookId })).body;
    const clickRun = (await api.request('POST', '/api/runs', { leadId, playbookId: waitsForClick })).body;
    await runWhen(api, followUp.id, (r) => r.currentNodeId === 'pause');
    await runWhen(api, clickRun.id, (r) => r.currentNodeId === 'click');

    await postEvent(api, 'run-heard', 'email_click');
    const clicked = await runWhen(api, clickRun.id, (r) => r.status !== 'active');
    expect(clicked).toMatchObject({ status: 'exited', exitReason: 'clicked' });
    expect(await signalledEventTypes(api, clickRun.temporalWorkflowId)).toEqual(['email_click']);
    // The follow-up hears replies and bookings only: the click never woke it, and a reply still does.
    await postEvent(api, 'run-heard', 'email_reply');
    await runWhen(api, followUp.id, (r) => r.path.some((p: { nodeId: string }) => p.nodeId === 'replied'));
    expect(await signalledEventTypes(api, followUp.temporalWorkflowId)).toEqual(['email_reply']);
    await api.request('POST', `/api/runs/${followUp.id}/stop`, { reason: 'test over' });
  });

  it('no reply: times out after 3 s, takes the no branch, sends the nudge and exits', async () => {
    const leadId = await createLead(api, 'run-silent');
    const runId = (await api.request('POST', '/api/runs', { leadId, playbookId })).body.id;
    const ended = await runWhen(api, runId, (r) => r.status !== 'active', 30_000);
    expect(pathOf(ended)).toEqual([
      'entry:next',
      'intro:next',
      'pause:next',
      'reply:timedOut',
      'replied:no',
      'nudge:next',
      'done:exited',
    ]);
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'no-reply' });
    expect(ended.touches.map((t: { nodeId: string }) => t.nodeId)).toEqual(['intro', 'nudge']);
  });

  it('a stop mid-wait ends the run at once with its reason; nothing more is sent', async () => {
    const leadId = await createLead(api, 'run-stopped');
    const runId = (await api.request('POST', '/api/runs', { leadId, playbookId })).body.id;
    await runWhen(api, runId, (r) => r.currentNodeId === 'pause');
    const stopped = await api.request('POST', `/api/runs/${runId}/stop`, { reason: 'asked to stop' });
    expect(stopped.status).toBe(201);
    const ended = await runWhen(api, runId, (r) => r.status !== 'active', 1_500);
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'stopped:asked to stop', currentNodeId: 'pause' });
    await sleep(6_000);
    const later = await getRun(api, runId);
    expect(later.touches.map((t: { nodeId: string }) => t.nodeId)).toEqual(['intro']);
    expect(pathOf(later)).toEqual(['entry:next', 'intro:next', 'pause:exited']);
    expect((await api.request('POST', `/api/runs/${runId}/stop`, { reason: 'again' })).status).toBe(409);
  });

  it('an email unsubscribe posted mid-wait means no further email is sent (the send is skipped, the run goes on)', async () => {
    const leadId = await createLead(api, 'run-unsub');
    const runId = (await api.request('POST', '/api/runs', { leadId, playbookId })).body.id;
    await runWhen(api, runId, (r) => r.currentNodeId === 'pause');
    await postEvent(api, 'run-unsub', 'unsubscribe', { channel: 'email' });
    const ended = await runWhen(api, runId, (r) => r.status !== 'active', 30_000);
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'no-reply' });
    expect(ended.path.find((p: { nodeId: string }) => p.nodeId === 'nudge')).toMatchObject({
      outcome: 'next',
      note: 'skipped:unsubscribed:email',
    });
    expect(ended.touches.map((t: { nodeId: string }) => t.nodeId)).toEqual(['intro']);
  });

  it('a goal event posted mid-wait converts the run', async () => {
    const leadId = await createLead(api, 'run-goal');
    const runId = (await api.request('POST', '/api/runs', { leadId, playbookId })).body.id;
    await runWhen(api, runId, (r) => r.currentNodeId === 'pause');
    await postEvent(api, 'run-goal', 'demo_booked');
    const ended = await runWhen(api, runId, (r) => r.status !== 'active', 1_500);
    expect(ended).toMatchObject({ status: 'converted', exitReason: 'goalEvent:demo_booked', currentNodeId: 'pause' });
    const analytics = (await api.request('GET', `/api/playbooks/${playbookId}/versions/1/analytics`)).body;
    expect(analytics.find((n: { nodeId: string }) => n.nodeId === 'pause')).toMatchObject({
      converted: expect.any(Number),
    });
    expect(analytics.find((n: { nodeId: string }) => n.nodeId === 'pause').converted).toBeGreaterThanOrEqual(1);
  });

  it('refuses a second active run of the same playbook for a lead (409) and unknown leads (404)', async () => {
    const leadId = await createLead(api, 'run-twice');
    expect((await api.request('POST', '/api/runs', { leadId, playbookId })).status).toBe(201);
    const second = await api.request('POST', '/api/runs', { leadId, playbookId });
    expect(second.status).toBe(409);
    expect(second.body.message).toContain('active run');
    expect(
      (await api.request('POST', '/api/runs', { leadId: '00000000-0000-4000-8000-000000000000', playbookId })).status,
    ).toBe(404);
    expect((await api.request('POST', '/api/runs', { leadId: 'nope', playbookId })).status).toBe(400);
  });

  it('a paused playbook holds its runs before the next step; resume continues them', async () => {
    const leadId = await createLead(api, 'run-paused');
    const runId = (await api.request('POST', '/api/runs', { leadId, playbookId })).body.id;
    await runWhen(api, runId, (r) => r.currentNodeId === 'pause');
    await api.request('POST', `/api/playbooks/${playbookId}/pause`);
    await sleep(3_500);
    expect((await getRun(api, runId)).currentNodeId).toBe('pause');
    await api.request('POST', `/api/playbooks/${playbookId}/resume`);
    const moved = await runWhen(api, runId, (r) => r.currentNodeId !== 'pause', 5_000);
    expect(moved.currentNodeId).toBe('reply');
    await api.request('POST', `/api/runs/${runId}/stop`, { reason: 'cleanup' });
  });
});

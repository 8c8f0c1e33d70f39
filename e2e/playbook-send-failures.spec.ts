import type { Playbook, PlaybookSettings } from '@segflow/playbook';
import { buildPlaybook, type NodeSpec } from '@segflow/playbook/testing';
import { startTestApi, TestApi } from '../apps/api/src/testing/test-api';
import { TemporalClient } from '../apps/api/src/temporal/temporal.module';
import { publishPlaybook, runWhen, startInProcessWorker, TIME_SCALE } from './support/playbook-runs';

const settings: PlaybookSettings = {
  goalEvents: ['demo_booked'],
  reentry: { policy: 'always' },
  quietHours: null,
  maxTouchesPerDay: null,
};
const sender = { kind: 'fixed', name: 'Segflow', address: 'hi@segflow.test' } as const;
const pathOf = (run: { path: Array<{ nodeId: string; outcome?: string; note?: string }> }) =>
  run.path.map((p) => [p.nodeId, p.outcome ?? '…', p.note ?? ''].join(':').replace(/:$/, ''));

const fallbackNodes: NodeSpec[] = [
  {
    id: 'fallback',
    type: 'send',
    config: { channel: 'whatsapp', body: 'Hi {{lead.firstName}}, on WhatsApp', sender, onFailure: 'skip' },
  },
  { id: 'fellBack', type: 'exit', config: { reason: 'fell-back' } },
];

/** email intro with the given failure policy; `failed` falls back to WhatsApp; `next` creates a call task. */
function introPlaybook(channel: 'email' | 'whatsapp', onFailure: 'followFailedEdge' | 'skip' | 'exit'): Playbook {
  const intro =
    channel === 'email'
      ? { channel, subject: 'Hello {{lead.firstName}}', body: 'Hi {{lead.firstName}}', sender, onFailure }
      : { channel, body: 'Hi {{lead.firstName}}', sender, onFailure };
  return buildPlaybook({
    settings,
    nodes: [
      { id: 'intro', type: 'send', config: intro },
      {
        id: 'call',
        type: 'task',
        config: {
          taskType: 'call',
          title: 'Call {{lead.firstName}}',
          priority: 'normal',
          dueInMinutes: 60,
          waitForCompletion: false,
          timeoutMinutes: 0,
        },
      },
      { id: 'done', type: 'exit', config: { reason: 'sequence-done' } },
      ...(onFailure === 'followFailedEdge' ? fallbackNodes : []),
    ],
    edges: [
      'entry.next->intro',
      'intro.next->call',
      'call.next->done',
      ...(onFailure === 'followFailedEdge' ? ['intro.failed->fallback', 'fallback.next->fellBack'] : []),
    ],
  });
}

// Issue 4, "Failures": a send the provider can never make is refused for good (non-retryable), recorded as a
// failed touch, and the run goes on per the node's onFailure — through the API, with a real worker and Temporal.
describe('permanent send failures through the touch provider (API + worker + Temporal + Postgres)', () => {
  let api: TestApi;
  let worker: { stop(): Promise<void> };
  beforeAll(async () => {
    api = await startTestApi({ PLAYBOOK_TIME_SCALE: TIME_SCALE, OUTBOX_POLL_MS: '50' });
    worker = await startInProcessWorker(api);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  async function enrol(
    externalId: string,
    contact: { email?: string; phone?: string },
    graph: Playbook,
  ): Promise<string> {
    const lead = await api.request('POST', '/api/leads', {
      externalId,
      name: 'Asha Rao',
      company: 'Surat Silks',
      ...contact,
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    expect(lead.status).toBe(201);
    const playbookId = await publishPlaybook(api, graph, externalId);
    const run = await api.request('POST', '/api/runs', { leadId: lead.body.id, playbookId });
    expect(run.status).toBe(201);
    return run.body.id;
  }

  it('email to a lead without an address: refused once, non-retryable, and the run follows the failed edge', async () => {
    const runId = await enrol('fail-no-email', { phone: '+919812345678' }, introPlaybook('email', 'followFailedEdge'));
    const ended = await runWhen(api, runId, (r) => r.status !== 'active');
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'fell-back' });
    expect(pathOf(ended)).toEqual([
      'entry:next',
      'intro:failed:failed:no-address:email',
      'fallback:next',
      'fellBack:exited:fell-back',
    ]);
    expect(ended.touches.map((t: any) => [t.nodeId, t.channel, t.status, t.error])).toEqual([
      ['intro', 'email', 'failed', 'no-address:email'],
      ['fallback', 'whatsapp', 'sent', null],
    ]);

    // The refusal is in the run's history as a non-retryable failure of the first and only attempt.
    const history = await api.app.get(TemporalClient).workflow.getHandle(ended.temporalWorkflowId).fetchHistory();
    const failures = (history.events ?? []).filter((e) => e.activityTaskFailedEventAttributes);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.activityTaskFailedEventAttributes!.failure).toMatchObject({
      message: 'no-address:email',
      applicationFailureInfo: { type: 'PermanentDeliveryFailure', nonRetryable: true },
    });
    const started = (history.events ?? []).filter((e) => e.activityTaskStartedEventAttributes);
    expect(started.length).toBeGreaterThan(0);
    expect(started.every((e) => e.activityTaskStartedEventAttributes!.attempt === 1)).toBe(true);
  });

  it('email to an undeliverable domain with onFailure skip: the failed touch is recorded and the run goes on', async () => {
    const runId = await enrol('fail-bad-domain', { email: 'asha@suratsilks.invalid' }, introPlaybook('email', 'skip'));
    const ended = await runWhen(api, runId, (r) => r.status !== 'active');
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'sequence-done' });
    expect(pathOf(ended)).toEqual([
      'entry:next',
      'intro:next:failed:undeliverable-domain:email',
      'call:next',
      'done:exited:sequence-done',
    ]);
    expect(ended.touches).toEqual([
      expect.objectContaining({ nodeId: 'intro', status: 'failed', error: 'undeliverable-domain:email' }),
    ]);
    expect(ended.tasks).toEqual([expect.objectContaining({ nodeId: 'call', status: 'open' })]);
  });

  it('WhatsApp to a lead without a phone with onFailure exit: the run ends with the failure as its reason', async () => {
    const runId = await enrol('fail-no-phone', { email: 'asha@suratsilks.in' }, introPlaybook('whatsapp', 'exit'));
    const ended = await runWhen(api, runId, (r) => r.status !== 'active');
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'send-failed:no-address:whatsapp' });
    expect(ended.touches).toEqual([
      expect.objectContaining({ nodeId: 'intro', channel: 'whatsapp', status: 'failed', error: 'no-address:whatsapp' }),
    ]);
    expect(ended.tasks).toEqual([]);
  });
});

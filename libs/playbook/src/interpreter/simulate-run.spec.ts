import { buildPlaybook, sampleLead, samplePlaybook } from '../testing';
import { simulateRun } from './simulate-run';

const lead = sampleLead();
const trail = (path: Array<{ nodeId: string; outcome?: string; enteredAt: string }>) =>
  path.map((p) => `${p.nodeId}:${p.outcome ?? '…'}@${p.enteredAt}`);

describe('simulateRun', () => {
  it('runs the sample playbook over days: no reply → exit after 2 + 3 days', () => {
    const sim = simulateRun({
      playbook: samplePlaybook(),
      lead,
      events: [],
      startAt: new Date('2026-03-02T05:00:00Z'),
    });
    expect(sim.stoppedBecause).toBe('ended');
    expect(trail(sim.path)).toEqual([
      'entry:next@2026-03-02T05:00:00.000Z',
      'intro:next@2026-03-02T05:00:00.000Z',
      'wait2d:next@2026-03-02T05:00:00.000Z',
      'reply:timedOut@2026-03-04T05:00:00.000Z',
      'replied:no@2026-03-07T05:00:00.000Z',
      'noReply:exited@2026-03-07T05:00:00.000Z',
    ]);
  });

  it('reply then meeting: call task, then converted by the goal node window', () => {
    const sim = simulateRun({
      playbook: samplePlaybook(),
      lead,
      startAt: new Date('2026-03-02T05:00:00Z'),
      events: [
        { kind: 'event', at: '2026-03-05T06:00:00Z', event: { type: 'email_reply', channel: 'email' } },
        { kind: 'event', at: '2026-03-09T10:00:00Z', event: { type: 'form_submit' } },
        { kind: 'event', at: '2026-03-10T10:00:00Z', event: { type: 'demo_booked' } },
      ],
    });
    expect(sim.state).toMatchObject({
      status: 'converted',
      reason: 'goalEvent:demo_booked',
      endedAt: '2026-03-10T10:00:00.000Z',
    });
    expect(sim.commands.map((c) => `${c.command.kind}@${c.at}`)).toEqual([
      'sendTouch@2026-03-02T05:00:00.000Z',
      'createTask@2026-03-05T06:00:00.000Z',
      'complete@2026-03-10T10:00:00.000Z',
    ]);
  });

  it("answers a branch's feature read with the simulated lead's features, like a run reading the real lead", () => {
    const playbook = buildPlaybook({
      nodes: [
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
      edges: ['entry.next->hot', 'hot.yes->call', 'hot.no->nurture'],
    });
    const run = (intent: number) =>
      simulateRun({ playbook, lead: sampleLead({ features: { intent } }), events: [], startAt: new Date(0) });
    expect(run(0.8).state.reason).toBe('hot');
    expect(run(0.8).path.find((p) => p.nodeId === 'hot')?.note).toBe('features:intent=0.8');
    expect(run(0.2).state.reason).toBe('cold');
  });

  it('a businessWindow wait on Friday 19:00 Asia/Kolkata resumes Monday 09:00', () => {
    const playbook = buildPlaybook({
      nodes: [
        {
          id: 'w',
          type: 'wait',
          config: {
            mode: 'businessWindow',
            calendar: {
              timeZone: 'lead',
              workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
              holidays: [],
            },
          },
        },
        {
          id: 's',
          type: 'send',
          config: {
            channel: 'whatsapp',
            body: 'Good morning {{lead.firstName}}',
            sender: { kind: 'owner' },
            onFailure: 'skip',
          },
        },
      ],
      edges: ['entry.next->w', 'w.next->s'],
    });
    const friday19 = new Date('2026-03-06T13:30:00Z'); // Friday 19:00 IST
    const sim = simulateRun({ playbook, lead, events: [], startAt: friday19 });
    expect(sim.commands[0]).toEqual({
      at: '2026-03-09T03:30:00.000Z',
      command: expect.objectContaining({ kind: 'sendTouch', body: 'Good morning Priya' }),
    });
  });

  it('applies commandFails and ownerAssigned from the timeline', () => {
    const playbook = buildPlaybook({
      nodes: [
        { id: 'r1', type: 'route', config: { rule: { kind: 'roundRobin', teamId: 'inbound' } } },
        {
          id: 's',
          type: 'send',
          config: {
            channel: 'email',
            subject: 's',
            body: '{{owner.name}}',
            sender: { kind: 'owner' },
            onFailure: 'followFailedEdge',
          },
        },
        {
          id: 't',
          type: 'task',
          config: {
            taskType: 'custom',
            title: 'Fix address',
            priority: 'urgent',
            dueInMinutes: 0,
            waitForCompletion: true,
            timeoutMinutes: 60,
          },
        },
        { id: 'done', type: 'exit', config: { reason: 'fixed' } },
      ],
      edges: ['entry.next->r1', 'r1.next->s', 's.failed->t', 't.done->done'],
    });
    const sim = simulateRun({
      playbook,
      lead,
      startAt: new Date('2026-03-02T05:00:00Z'),
      events: [
        { kind: 'ownerAssigned', nodeId: 'r1', owner: { id: 'rep-2', name: 'Zoya' } },
        { kind: 'commandFails', nodeId: 's', reason: 'hard-bounce' },
        { kind: 'taskCompleted', at: '2026-03-02T05:20:00Z', nodeId: 't' },
      ],
    });
    expect(sim.path.map((p) => [p.nodeId, p.outcome, p.note])).toEqual([
      ['entry', 'next', undefined],
      ['r1', 'next', undefined],
      ['s', 'failed', 'failed:hard-bounce'],
      ['t', 'done', 'task:done'],
      ['done', 'exited', 'fixed'],
    ]);
  });

  it('stops at maxSteps on an endless (valid) loop', () => {
    const playbook = buildPlaybook({
      nodes: [
        { id: 'w', type: 'wait', config: { mode: 'duration', minutes: 60 } },
        { id: 'w2', type: 'wait', config: { mode: 'duration', minutes: 60 } },
      ],
      edges: ['entry.next->w', 'w.next->w2', 'w2.next->w'],
    });
    const sim = simulateRun({ playbook, lead, events: [], startAt: new Date('2026-03-02T05:00:00Z'), maxSteps: 5 });
    expect(sim).toMatchObject({ stoppedBecause: 'maxSteps', steps: 5 });
  });
});

describe('simulateRun with a branch on reply intent', () => {
  // Wait 30 min, then wait up to an hour for a reply; a pricing question goes to the quote, anything else elsewhere.
  const playbook = buildPlaybook({
    nodes: [
      { id: 'pause', type: 'wait', config: { mode: 'duration', minutes: 30 } },
      { id: 'reply', type: 'waitForEvent', config: { eventTypes: ['whatsapp_reply'], timeoutMinutes: 60 } },
      { id: 'asksPrice', type: 'branch', config: { condition: { op: 'replyIntent', intent: 'pricing' } } },
      { id: 'quote', type: 'exit', config: { reason: 'send-quote' } },
      { id: 'other', type: 'exit', config: { reason: 'other' } },
    ],
    edges: [
      'entry.next->pause',
      'pause.next->reply',
      'reply.matched->asksPrice',
      'reply.timedOut->asksPrice',
      'asksPrice.yes->quote',
      'asksPrice.no->other',
    ],
  });
  const startAt = new Date('2026-03-02T05:00:00Z');
  const reply = (at: string, type: string, intent?: string) => ({
    kind: 'event' as const,
    at,
    event: { type, ...(intent ? { properties: { text: '…', intent: { intent, confidence: 0.9 } } } : {}) },
  });
  const outcomes = (events: ReturnType<typeof reply>[]) =>
    simulateRun({ playbook, lead, startAt, events }).path.map((p) => `${p.nodeId}:${p.outcome}`);

  it('takes yes when the reply that resumed the wait asks for the price', () => {
    const sim = simulateRun({
      playbook,
      lead,
      startAt,
      events: [reply('2026-03-02T05:40:00Z', 'whatsapp_reply', 'pricing')],
    });
    expect(sim.path.map((p) => `${p.nodeId}:${p.outcome}`)).toEqual([
      'entry:next',
      'pause:next',
      'reply:matched',
      'asksPrice:yes',
      'quote:exited',
    ]);
    expect(sim.state.lastReply).toEqual({
      eventType: 'whatsapp_reply',
      occurredAt: '2026-03-02T05:40:00Z',
      intent: 'pricing',
      confidence: 0.9,
    });
  });

  it('takes no for another intent, and for a reply whose text was not classified', () => {
    expect(outcomes([reply('2026-03-02T05:40:00Z', 'whatsapp_reply', 'later')])).toContain('asksPrice:no');
    expect(outcomes([reply('2026-03-02T05:40:00Z', 'whatsapp_reply')])).toContain('asksPrice:no');
  });

  it('reads the latest reply: an earlier pricing email does not decide for the reply that resumed the wait', () => {
    const path = outcomes([
      reply('2026-03-02T05:10:00Z', 'email_reply', 'pricing'),
      reply('2026-03-02T05:45:00Z', 'whatsapp_reply', 'not_interested'),
    ]);
    expect(path).toEqual(['entry:next', 'pause:next', 'reply:matched', 'asksPrice:no', 'other:exited']);
  });

  it('still reads an earlier reply when the wait timed out', () => {
    const path = outcomes([reply('2026-03-02T05:10:00Z', 'email_reply', 'pricing')]);
    expect(path).toEqual(['entry:next', 'pause:next', 'reply:timedOut', 'asksPrice:yes', 'quote:exited']);
  });
});

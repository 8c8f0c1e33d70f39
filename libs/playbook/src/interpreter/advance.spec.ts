import { buildPlaybook, sampleLead } from '../testing';
import type { Playbook } from '../playbook-schema';
import type { Condition } from '../nodes/condition';
import { advance } from './advance';
import type { RunInput, Step } from './run-types';
import { startRun } from './start-run';

// Monday 2 March 2026, 10:30 in Asia/Kolkata (UTC+5:30).
const T0 = new Date('2026-03-02T05:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const email = {
  channel: 'email',
  subject: 'Hi',
  body: 'Hi {{lead.firstName}}',
  sender: { kind: 'owner' },
  onFailure: 'skip',
} as const;
const ok: RunInput = { kind: 'commandResult', nodeId: 's', visit: 1, result: { kind: 'ok' } };
const event = (type: string, channel?: 'email'): RunInput => ({
  kind: 'event',
  event: { type, occurredAt: T0.toISOString(), channel },
});
const start = (playbook: Playbook, lead = sampleLead(), now = T0) => startRun({ playbook, lead, now, runId: 'r' });
const feed = (playbook: Playbook, step: Step, input: RunInput, now = T0) =>
  advance(playbook, step.state, input, { now });
const trail = (step: Step) => step.state.path.map((p) => `${p.nodeId}:${p.outcome ?? '…'}`);

describe('advance', () => {
  describe('send', () => {
    const pb = (onFailure: 'skip' | 'exit' | 'followFailedEdge') =>
      buildPlaybook({
        nodes: [
          { id: 's', type: 'send', config: { ...email, onFailure } },
          { id: 'x', type: 'exit', config: { reason: 'ok' } },
          { id: 'f', type: 'exit', config: { reason: 'bounced' } },
        ],
        edges: ['entry.next->s', 's.next->x', 's.failed->f'],
      });

    it.each([
      ['ok', 'skip', { kind: 'ok' }, ['entry:next', 's:next', 'x:exited'], 'ok'],
      ['failed + skip', 'skip', { kind: 'failed', reason: 'bounce' }, ['entry:next', 's:next', 'x:exited'], 'ok'],
      [
        'failed + followFailedEdge',
        'followFailedEdge',
        { kind: 'failed', reason: 'bounce' },
        ['entry:next', 's:failed', 'f:exited'],
        'bounced',
      ],
      ['failed + exit', 'exit', { kind: 'failed', reason: 'bounce' }, ['entry:next', 's:exited'], 'send-failed:bounce'],
    ] as const)('%s', (_name, onFailure, result, path, reason) => {
      const step = feed(pb(onFailure), start(pb(onFailure)), { ...ok, result });
      expect(trail(step)).toEqual(path);
      expect(step.state.reason).toBe(reason);
      expect(step.commands).toEqual([{ kind: 'complete', status: 'exited', reason }]);
    });

    it('never sends on an unsubscribed channel: skips to next and records why', () => {
      const step = start(pb('skip'), sampleLead({ unsubscribedChannels: ['email'] }));
      expect(step.commands.map((c) => c.kind)).toEqual(['complete']);
      expect(step.state.path[1]).toMatchObject({ nodeId: 's', outcome: 'next', note: 'skipped:unsubscribed:email' });
    });

    it('learns an unsubscribe from an event and skips later sends', () => {
      const playbook = buildPlaybook({
        nodes: [
          { id: 'w', type: 'wait', config: { mode: 'duration', minutes: 60 } },
          { id: 's', type: 'send', config: email },
        ],
        edges: ['entry.next->w', 'w.next->s'],
      });
      let step = feed(playbook, start(playbook), event('unsubscribed', 'email'));
      step = feed(playbook, step, { kind: 'timerFired' }, at(60));
      expect(step.commands).toEqual([{ kind: 'complete', status: 'completed', reason: 'end-of-path' }]);
      expect(step.state.lead.unsubscribedChannels).toEqual(['email']);
    });

    it('renders WhatsApp without subject and a fixed sender', () => {
      const playbook = buildPlaybook({
        nodes: [
          {
            id: 's',
            type: 'send',
            config: {
              channel: 'whatsapp',
              body: '{{owner.name}} here',
              sender: { kind: 'fixed', name: 'Team', address: '+100' },
              onFailure: 'skip',
            },
          },
        ],
        edges: ['entry.next->s'],
      });
      expect(start(playbook).commands).toEqual([
        expect.objectContaining({
          kind: 'sendTouch',
          channel: 'whatsapp',
          subject: null,
          body: 'Rahul here',
          sender: { kind: 'fixed', ownerId: null, name: 'Team', address: '+100' },
        }),
      ]);
    });

    it('renders the WhatsApp template parameters with the lead data', () => {
      const whatsappTemplate = {
        name: 'intro_followup',
        language: 'en',
        parameters: ['{{lead.firstName}}', '{{ owner.name }}'],
      };
      const playbook = buildPlaybook({
        nodes: [
          {
            id: 's',
            type: 'send',
            config: { channel: 'whatsapp', body: 'Hi', sender: { kind: 'owner' }, whatsappTemplate, onFailure: 'skip' },
          },
        ],
        edges: ['entry.next->s'],
      });
      expect(start(playbook).commands).toEqual([
        expect.objectContaining({
          kind: 'sendTouch',
          whatsappTemplate: { name: 'intro_followup', language: 'en', parameters: ['Priya', 'Rahul'] },
        }),
      ]);
    });

    it('turns LinkedIn into a rep task carrying the rendered message and waits for it', () => {
      const playbook = buildPlaybook({
        nodes: [
          {
            id: 's',
            type: 'send',
            config: {
              channel: 'linkedin',
              body: 'Hi {{lead.firstName}}',
              sender: { kind: 'owner' },
              onFailure: 'skip',
            },
          },
        ],
        edges: ['entry.next->s'],
      });
      const step = start(playbook);
      expect(step.commands).toEqual([
        expect.objectContaining({
          kind: 'createTask',
          key: 'r:s:1',
          taskType: 'linkedin',
          assigneeId: 'rep-1',
          touch: { channel: 'linkedin', body: 'Hi Priya' },
        }),
      ]);
      expect(step.state.waiting).toEqual({ kind: 'commandResult', nodeId: 's', visit: 1 });
    });

    it('defers during quiet hours in the lead zone and sends when they end', () => {
      const playbook = buildPlaybook({
        nodes: [{ id: 's', type: 'send', config: email }],
        edges: ['entry.next->s'],
        settings: { quietHours: { start: '20:00', end: '08:00' } },
      });
      const night = new Date('2026-03-02T16:00:00Z'); // 21:30 in Kolkata
      const step = start(playbook, sampleLead(), night);
      expect(step.commands).toEqual([]);
      expect(step.state.waiting).toEqual({
        kind: 'deferredSend',
        nodeId: 's',
        visit: 1,
        until: '2026-03-03T02:30:00.000Z',
      });
      expect(feed(playbook, step, { kind: 'timerFired' }, new Date('2026-03-03T02:00:00Z')).commands).toEqual([]);
      const sent = feed(playbook, step, { kind: 'timerFired' }, new Date('2026-03-03T02:30:00Z'));
      expect(sent.commands).toEqual([expect.objectContaining({ kind: 'sendTouch', idempotencyKey: 'r:s:1' })]);
    });

    it('defers a send over the daily cap to the next local day (and past quiet hours)', () => {
      const playbook = buildPlaybook({
        nodes: [
          { id: 's', type: 'send', config: email },
          { id: 's2', type: 'send', config: email },
        ],
        edges: ['entry.next->s', 's.next->s2'],
        settings: { maxTouchesPerDay: 1, quietHours: { start: '21:00', end: '08:00' } },
      });
      const step = feed(playbook, start(playbook), ok);
      expect(step.commands).toEqual([]);
      expect(step.state.waiting).toEqual({
        kind: 'deferredSend',
        nodeId: 's2',
        visit: 1,
        until: '2026-03-03T02:30:00.000Z',
      });
      expect(step.state.path.at(-1)?.note).toBe('deferred:dailyCap:2026-03-03T02:30:00.000Z');
    });

    it('waits on a `deferred` result (the cap across runs is full) and sends the same key when the timer fires', () => {
      const playbook = buildPlaybook({ nodes: [{ id: 's', type: 'send', config: email }], edges: ['entry.next->s'] });
      const until = '2026-03-02T18:30:00.000Z'; // the next Kolkata day
      const step = feed(playbook, start(playbook), { ...ok, result: { kind: 'deferred', until } });
      expect(step.commands).toEqual([]);
      expect(step.state.waiting).toEqual({ kind: 'deferredSend', nodeId: 's', visit: 1, until });
      expect(step.state.touchesPerDay).toEqual({ '2026-03-02': 0 });
      expect(step.state.path.at(-1)?.note).toBe(`deferred:dailyCap:${until}`);
      const retried = feed(playbook, step, { kind: 'timerFired' }, new Date(until));
      expect(retried.commands).toEqual([expect.objectContaining({ kind: 'sendTouch', idempotencyKey: 'r:s:1' })]);
    });
  });

  describe('task', () => {
    const pb = (waitForCompletion: boolean) =>
      buildPlaybook({
        nodes: [
          {
            id: 't',
            type: 'task',
            config: {
              taskType: 'call',
              title: 'Call {{lead.firstName}}',
              priority: 'high',
              dueInMinutes: 60,
              waitForCompletion,
              timeoutMinutes: 120,
            },
          },
          { id: 'a', type: 'exit', config: { reason: 'a' } },
          { id: 'b', type: 'exit', config: { reason: 'b' } },
        ],
        edges: waitForCompletion ? ['entry.next->t', 't.done->a', 't.timedOut->b'] : ['entry.next->t', 't.next->a'],
      });

    it('creates the task and moves on when not waiting', () => {
      const step = start(pb(false));
      expect(step.commands[0]).toEqual({
        kind: 'createTask',
        key: 'r:t:1',
        nodeId: 't',
        visit: 1,
        leadId: 'lead-1',
        taskType: 'call',
        title: 'Call Priya',
        description: null,
        priority: 'high',
        dueAt: at(60).toISOString(),
        assigneeId: 'rep-1',
        waitForCompletion: false,
        touch: null,
      });
      expect(step.state.reason).toBe('a');
    });

    it('waits for completion → done', () => {
      const step = start(pb(true));
      expect(step.state.waiting).toEqual({ kind: 'task', nodeId: 't', visit: 1, until: at(120).toISOString() });
      const created = feed(pb(true), step, { kind: 'commandResult', nodeId: 't', visit: 1, result: { kind: 'ok' } });
      expect(created.state).toEqual(step.state);
      const done = feed(
        pb(true),
        step,
        { kind: 'commandResult', nodeId: 't', visit: 1, result: { kind: 'taskCompleted', outcome: 'connected' } },
        at(30),
      );
      expect(done.state.reason).toBe('a');
      expect(done.state.path[1]?.note).toBe('task:connected');
    });

    it('times out, ignoring an early timer', () => {
      const step = start(pb(true));
      expect(feed(pb(true), step, { kind: 'timerFired' }, at(119)).state).toEqual(step.state);
      expect(feed(pb(true), step, { kind: 'timerFired' }, at(120)).state.reason).toBe('b');
    });
  });

  it('route: asks the driver for an owner and uses it afterwards', () => {
    const playbook = buildPlaybook({
      nodes: [
        { id: 'r1', type: 'route', config: { rule: { kind: 'roundRobin', teamId: 'emea' } } },
        { id: 's', type: 'send', config: email },
      ],
      edges: ['entry.next->r1', 'r1.next->s'],
    });
    const step = start(playbook);
    expect(step.commands).toEqual([
      {
        kind: 'routeOwner',
        key: 'r:r1:1',
        nodeId: 'r1',
        visit: 1,
        leadId: 'lead-1',
        rule: { kind: 'roundRobin', teamId: 'emea' },
      },
    ]);
    const owner = { id: 'rep-9', name: 'Meera', address: 'meera@x.io' };
    const next = feed(playbook, step, {
      kind: 'commandResult',
      nodeId: 'r1',
      visit: 1,
      result: { kind: 'ownerAssigned', owner },
    });
    expect(next.commands).toEqual([
      expect.objectContaining({
        kind: 'sendTouch',
        sender: { kind: 'owner', ownerId: 'rep-9', name: 'Meera', address: 'meera@x.io' },
      }),
    ]);
  });

  describe('wait and waitForEvent', () => {
    const playbook = buildPlaybook({
      nodes: [
        { id: 'w', type: 'wait', config: { mode: 'duration', minutes: 30 } },
        { id: 'e', type: 'waitForEvent', config: { eventTypes: ['email_reply'], timeoutMinutes: 60 } },
        { id: 'yes', type: 'exit', config: { reason: 'replied' } },
        { id: 'no', type: 'exit', config: { reason: 'silent' } },
      ],
      edges: ['entry.next->w', 'w.next->e', 'e.matched->yes', 'e.timedOut->no'],
    });

    it('waits the duration, then for the event', () => {
      const step = start(playbook);
      expect(step.state.waiting).toEqual({ kind: 'timer', nodeId: 'w', visit: 1, until: at(30).toISOString() });
      const waiting = feed(playbook, step, { kind: 'timerFired' }, at(30));
      expect(waiting.state.waiting).toEqual({
        kind: 'event',
        nodeId: 'e',
        visit: 1,
        until: at(90).toISOString(),
        eventTypes: ['email_reply'],
      });
      expect(feed(playbook, waiting, event('email_reply'), at(45)).state.reason).toBe('replied');
      expect(feed(playbook, waiting, event('email_open'), at(45)).state.status).toBe('active');
      expect(feed(playbook, waiting, { kind: 'timerFired' }, at(90)).state.reason).toBe('silent');
    });

    it('does not count an event that arrived before the node was reached', () => {
      const early = feed(playbook, start(playbook), event('email_reply'), at(10));
      const waiting = feed(playbook, early, { kind: 'timerFired' }, at(30));
      expect(waiting.state.status).toBe('active');
      expect(waiting.state.eventsSeen).toEqual({ email_reply: 1 });
    });
  });

  describe('branch', () => {
    const pb = (condition: Parameters<typeof buildPlaybook>[0]['nodes'][number]['config']) =>
      buildPlaybook({
        nodes: [
          { id: 'b', type: 'branch', config: condition as never },
          { id: 'y', type: 'exit', config: { reason: 'yes' } },
          { id: 'n', type: 'exit', config: { reason: 'no' } },
        ],
        edges: ['entry.next->b', 'b.yes->y', 'b.no->n'],
      });
    it.each<[{ condition: Condition }, string]>([
      [
        {
          condition: {
            op: 'compare',
            field: { scope: 'lead', field: 'country' },
            comparator: 'in',
            value: ['US', 'CA'],
          },
        },
        'no',
      ],
      [
        {
          condition: {
            op: 'and',
            conditions: [
              { op: 'compare', field: { scope: 'segment', field: 'name' }, comparator: 'contains', value: 'apac' },
              { op: 'not', condition: { op: 'eventSeen', eventType: 'email_reply' } },
            ],
          },
        },
        'yes',
      ],
      [
        { condition: { op: 'compare', field: { scope: 'owner', field: 'id' }, comparator: 'eq', value: 'rep-2' } },
        'no',
      ],
    ])('%j → %s', (config, expected) => {
      expect(start(pb(config)).state.reason).toBe(expected);
    });

    describe('on features', () => {
      const intent = (value: number): { condition: Condition } => ({
        condition: {
          op: 'and',
          conditions: [
            { op: 'compare', field: { scope: 'feature', name: 'intent' }, comparator: 'gte', value },
            { op: 'compare', field: { scope: 'feature', name: 'fit' }, comparator: 'gte', value: 0 },
          ],
        },
      });
      const read = (features: Record<string, number>): RunInput => ({
        kind: 'commandResult',
        nodeId: 'b',
        visit: 1,
        result: { kind: 'leadFeatures', features },
      });
      // The run's copy of the lead says intent 0: only the read can make it go `yes`.
      const stale = sampleLead({ features: { intent: 0 } });

      it("asks for the lead's current features and waits, instead of deciding on the run's copy", () => {
        const step = start(pb(intent(0.5)), stale);
        expect(step.commands).toEqual([
          { kind: 'readLeadFeatures', nodeId: 'b', visit: 1, leadId: stale.id, names: ['intent', 'fit'] },
        ]);
        expect(step.state.waiting).toMatchObject({ kind: 'commandResult', nodeId: 'b', visit: 1 });
      });

      it('decides on the features read and notes the values it used on the path', () => {
        const playbook = pb(intent(0.5));
        const step = feed(playbook, start(playbook, stale), read({ intent: 0.6931, fit: 0.4 }));
        expect(step.state.reason).toBe('yes');
        expect(step.state.path.find((p) => p.nodeId === 'b')).toMatchObject({
          outcome: 'yes',
          note: 'features:intent=0.693,fit=0.4',
        });
        expect(step.state.lead.features).toMatchObject({ intent: 0.6931, fit: 0.4 });
      });

      it('notes a feature the read did not return as missing (the comparison is false)', () => {
        const playbook = pb(intent(0.5));
        const step = feed(playbook, start(playbook, sampleLead({ features: {} })), read({ fit: 0.4 }));
        expect(step.state.reason).toBe('no');
        expect(step.state.path.find((p) => p.nodeId === 'b')?.note).toBe('features:intent=missing,fit=0.4');
      });

      it("decides on the run's copy when the read failed for good, and says so", () => {
        const playbook = pb(intent(0.5));
        const failed: RunInput = {
          kind: 'commandResult',
          nodeId: 'b',
          visit: 1,
          result: { kind: 'failed', reason: 'no-lead' },
        };
        const step = feed(playbook, start(playbook, stale), failed);
        expect(step.state.reason).toBe('no');
        expect(step.state.path.find((p) => p.nodeId === 'b')?.note).toBe('features-unread:no-lead');
      });
    });
  });

  it('split: the same lead always takes the same arm', () => {
    const playbook = buildPlaybook({
      nodes: [
        {
          id: 'ab',
          type: 'split',
          config: {
            variants: [
              { key: 'a', label: 'A', weight: 50 },
              { key: 'b', label: 'B', weight: 50 },
            ],
          },
        },
        { id: 'xa', type: 'exit', config: { reason: 'a' } },
        { id: 'xb', type: 'exit', config: { reason: 'b' } },
      ],
      edges: ['entry.next->ab', 'ab.a->xa', 'ab.b->xb'],
    });
    const reasons = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'].map((id) => start(playbook, sampleLead({ id })).state.reason);
    expect(['l1', 'l2', 'l3', 'l4', 'l5', 'l6'].map((id) => start(playbook, sampleLead({ id })).state.reason)).toEqual(
      reasons,
    );
    expect(new Set(reasons)).toEqual(new Set(['a', 'b']));
  });

  describe('goal', () => {
    const pb = (windowMinutes: number) =>
      buildPlaybook({
        nodes: [
          { id: 'w', type: 'wait', config: { mode: 'duration', minutes: 10 } },
          { id: 'g', type: 'goal', config: { eventTypes: ['demo_attended'], windowMinutes } },
        ],
        edges: ['entry.next->w', 'w.next->g'],
      });
    it('converts at once when the goal event was already seen', () => {
      const seen = feed(pb(0), start(pb(0)), event('demo_attended'));
      const step = feed(pb(0), seen, { kind: 'timerFired' }, at(10));
      expect(step.state).toMatchObject({ status: 'converted', reason: 'goal:demo_attended' });
    });
    it('completes without a window', () => {
      expect(feed(pb(0), start(pb(0)), { kind: 'timerFired' }, at(10)).state).toMatchObject({
        status: 'completed',
        reason: 'goal-not-reached',
      });
    });
    it('converts within the window, completes after it', () => {
      const waiting = feed(pb(60), start(pb(60)), { kind: 'timerFired' }, at(10));
      expect(waiting.state.waiting).toMatchObject({ kind: 'event', nodeId: 'g', until: at(70).toISOString() });
      expect(feed(pb(60), waiting, event('demo_attended'), at(20)).state.status).toBe('converted');
      expect(feed(pb(60), waiting, { kind: 'timerFired' }, at(70)).state.status).toBe('completed');
    });
  });

  describe('run-level inputs', () => {
    const playbook = buildPlaybook({
      nodes: [{ id: 'w', type: 'wait', config: { mode: 'duration', minutes: 10 } }],
      edges: ['entry.next->w'],
    });

    it('a settings goal event converts the run from any node', () => {
      const step = feed(playbook, start(playbook), event('demo_booked'));
      expect(step.state).toMatchObject({ status: 'converted', reason: 'goalEvent:demo_booked', waiting: null });
      expect(step.commands).toEqual([{ kind: 'complete', status: 'converted', reason: 'goalEvent:demo_booked' }]);
    });

    it('exit cancels open tasks, completes, and nothing is emitted afterwards', () => {
      const step = feed(playbook, start(playbook), { kind: 'exit', reason: 'segment-changed' });
      expect(step.commands).toEqual([
        { kind: 'cancelOpenTasks', runId: 'r', leadId: 'lead-1' },
        { kind: 'complete', status: 'exited', reason: 'segment-changed' },
      ]);
      for (const input of [
        { kind: 'timerFired' },
        event('demo_booked'),
        { kind: 'exit', reason: 'again' },
      ] as RunInput[]) {
        expect(feed(playbook, step, input, at(60))).toEqual({ state: step.state, commands: [] });
      }
    });

    it('ignores stale command results and does not mutate the given state', () => {
      const step = start(playbook);
      const frozen = JSON.stringify(step.state);
      expect(
        feed(playbook, step, { kind: 'commandResult', nodeId: 'w', visit: 7, result: { kind: 'ok' } }).state,
      ).toEqual(step.state);
      feed(playbook, step, { kind: 'timerFired' }, at(10));
      expect(JSON.stringify(step.state)).toBe(frozen);
    });

    it('an unconnected handle ends the run as completed', () => {
      expect(feed(playbook, start(playbook), { kind: 'timerFired' }, at(10)).state).toMatchObject({
        status: 'completed',
        reason: 'end-of-path',
      });
    });

    it('counts visits in loops and keys commands per visit', () => {
      const loop = buildPlaybook({
        nodes: [
          { id: 's', type: 'send', config: email },
          { id: 'w', type: 'wait', config: { mode: 'duration', minutes: 60 } },
        ],
        edges: ['entry.next->s', 's.next->w', 'w.next->s'],
      });
      let step = feed(loop, start(loop), ok);
      step = feed(loop, step, { kind: 'timerFired' }, at(60));
      expect(step.commands).toEqual([expect.objectContaining({ idempotencyKey: 'r:s:2', visit: 2 })]);
      expect(step.state.visits).toEqual({ entry: 1, s: 2, w: 1 });
    });
  });
});

import fc from 'fast-check';
import type { PlaybookNode } from '../nodes/playbook-node';
import { outHandlesOf, pausesRun } from '../node-registry';
import type { Playbook } from '../playbook-schema';
import { sampleLead } from '../testing';
import { eventTypesHeardBy } from '../events-heard';
import { validatePlaybook } from '../validation/validate-playbook';
import { advance } from './advance';
import { simulateRun, type SimulationItem } from './simulate-run';
import { startRun } from './start-run';

// Configs may name only taxonomy events; the simulated timeline also feeds the interpreter's `unsubscribed`.
const CONFIG_EVENT_TYPES = ['email_reply', 'email_open', 'demo_attended', 'demo_booked'] as const;
const START = new Date('2026-03-02T05:00:00Z');
const DAY = 86_400_000;

type Config<T extends PlaybookNode['type']> = Extract<PlaybookNode, { type: T }>['config'];
const minutes = fc.integer({ min: 1, max: 5 * 24 * 60 });
const eventType = fc.constantFrom(...CONFIG_EVENT_TYPES);
const timelineEventType = fc.constantFrom<string>(...CONFIG_EVENT_TYPES, 'unsubscribed');

const middleNode: fc.Arbitrary<Pick<PlaybookNode, 'type' | 'config'>> = fc.oneof(
  fc
    .record({
      channel: fc.constantFrom('email', 'whatsapp', 'linkedin'),
      onFailure: fc.constantFrom('skip', 'exit', 'followFailedEdge'),
    })
    .map(({ channel, onFailure }) => ({
      type: 'send' as const,
      config: {
        channel,
        body: 'Hi {{lead.firstName}}',
        sender: { kind: 'owner' },
        onFailure,
        ...(channel === 'email' ? { subject: 'Hi' } : {}),
      } as Config<'send'>,
    })),
  fc.record({ waitForCompletion: fc.boolean(), timeoutMinutes: minutes }).map((c) => ({
    type: 'task' as const,
    config: { taskType: 'call', title: 'Call', priority: 'normal', dueInMinutes: 60, ...c } as Config<'task'>,
  })),
  fc.constant({ type: 'route' as const, config: { rule: { kind: 'roundRobin', teamId: 'inbound' } } }),
  minutes.map((m) => ({ type: 'wait' as const, config: { mode: 'duration', minutes: m } as Config<'wait'> })),
  fc
    .record({ eventTypes: fc.uniqueArray(eventType, { minLength: 1, maxLength: 2 }), timeoutMinutes: minutes })
    .map((config) => ({ type: 'waitForEvent' as const, config })),
  eventType.map((t) => ({
    type: 'branch' as const,
    config: { condition: { op: 'eventSeen', eventType: t } } as Config<'branch'>,
  })),
  fc.integer({ min: 0, max: 100 }).map((w) => ({
    type: 'split' as const,
    config: {
      variants: [
        { key: 'a', label: 'A', weight: w },
        { key: 'b', label: 'B', weight: 100 - w },
      ],
    },
  })),
);

const terminalNode: fc.Arbitrary<Pick<PlaybookNode, 'type' | 'config'>> = fc.oneof(
  fc.constant({ type: 'exit' as const, config: { reason: 'end' } }),
  fc
    .record({
      eventTypes: fc.uniqueArray(eventType, { minLength: 1, maxLength: 2 }),
      windowMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
    })
    .map((config) => ({ type: 'goal' as const, config })),
);

/**
 * A valid playbook: a spine entry → n1 → … → terminal guarantees reachability; every other handle goes to a
 * later node, or (when loops are allowed) back to an earlier node that pauses, so every cycle has a pause.
 */
function playbookArb(allowLoops: boolean): fc.Arbitrary<Playbook> {
  return fc
    .record({
      middle: fc.array(middleNode, { minLength: 1, maxLength: 8 }),
      last: terminalNode,
      picks: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
      goalEvents: fc.uniqueArray(eventType, { minLength: 1, maxLength: 2 }),
    })
    .map(({ middle, last, picks, goalEvents }) => {
      const kinds = [{ type: 'entry', config: {} }, ...middle, last] as Array<Pick<PlaybookNode, 'type' | 'config'>>;
      const nodes = kinds.map((k, i) => ({ ...k, id: `n${i}`, position: { x: 0, y: i } }) as PlaybookNode);
      const edges: Playbook['edges'] = [];
      let pick = 0;
      nodes.forEach((node, i) => {
        outHandlesOf(node).forEach((handle, h) => {
          const back = allowLoops ? nodes.slice(1, i).filter(pausesRun) : [];
          const choices = [...nodes.slice(i + 1), ...back];
          const target = h === 0 ? nodes[i + 1] : choices[(picks[pick++ % picks.length] ?? 0) % choices.length];
          if (target)
            edges.push({ id: `e${edges.length}`, source: node.id, sourceHandle: handle.id, target: target.id });
        });
      });
      return {
        schemaVersion: 1,
        settings: {
          goalEvents,
          reentry: { policy: 'never' },
          quietHours: { start: '21:00', end: '08:00' },
          maxTouchesPerDay: 2,
        },
        nodes,
        edges,
      };
    });
}

const timelineArb = (nodeCount: number): fc.Arbitrary<SimulationItem[]> =>
  fc.array(
    fc.oneof(
      fc
        .record({ t: fc.integer({ min: 0, max: 20 * DAY }), type: timelineEventType, email: fc.boolean() })
        .map(({ t, type, email }): SimulationItem => ({
          kind: 'event',
          at: new Date(START.getTime() + t).toISOString(),
          event: { type, ...(email ? { channel: 'email' as const } : {}) },
        })),
      fc.record({ t: fc.integer({ min: 0, max: 20 * DAY }), n: fc.nat(nodeCount) }).map(({ t, n }): SimulationItem => ({
        kind: 'taskCompleted',
        at: new Date(START.getTime() + t).toISOString(),
        nodeId: `n${n}`,
      })),
      fc.record({ t: fc.integer({ min: 0, max: 20 * DAY }) }).map(({ t }): SimulationItem => ({
        kind: 'exit',
        at: new Date(START.getTime() + t).toISOString(),
        reason: 'left',
      })),
      fc.nat(nodeCount).map((n): SimulationItem => ({ kind: 'commandFails', nodeId: `n${n}`, reason: 'bounce' })),
    ),
    { maxLength: 12 },
  );

const scenario = (allowLoops: boolean) =>
  playbookArb(allowLoops).chain((playbook) =>
    fc.record({
      playbook: fc.constant(playbook),
      events: timelineArb(playbook.nodes.length),
      unsubscribed: fc.subarray(['email', 'whatsapp', 'linkedin'] as const),
    }),
  );

describe('interpreter properties', () => {
  it('generated playbooks are valid', () => {
    fc.assert(
      fc.property(playbookArb(true), (playbook) => expect(validatePlaybook(playbook)).toEqual([])),
      { numRuns: 300 },
    );
  });

  it('a loop-free playbook ends within a bound of steps, visiting each node at most once', () => {
    fc.assert(
      fc.property(scenario(false), ({ playbook, events, unsubscribed }) => {
        const lead = sampleLead({ unsubscribedChannels: [...unsubscribed] });
        const sim = simulateRun({ playbook, lead, events, startAt: START, maxSteps: 10_000 });
        const sends = playbook.nodes.filter((n) => n.type === 'send').length;
        expect(sim.stoppedBecause).toBe('ended');
        // Each node needs at most: one result or timer, plus one deferral timer per send; events add at most one each.
        expect(sim.steps).toBeLessThanOrEqual(playbook.nodes.length * 2 + sends + events.length);
        expect(Math.max(...Object.values(sim.state.visits))).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('with pausing loops every step is bounded, and the same inputs give the same path', () => {
    fc.assert(
      fc.property(scenario(true), ({ playbook, events, unsubscribed }) => {
        const lead = sampleLead({ unsubscribedChannels: [...unsubscribed] });
        const run = () => simulateRun({ playbook, lead, events, startAt: START, maxSteps: 300 });
        const sim = run();
        expect(run()).toEqual(sim);
        expect(sim.state.reason).not.toBe('loop-without-wait');
        const completes = sim.commands.filter((c) => c.command.kind === 'complete');
        expect(completes.length).toBe(sim.state.status === 'active' ? 0 : 1);
        if (completes.length === 1) expect(sim.commands.at(-1)?.command.kind).toBe('complete');
        const keys = sim.commands.flatMap((c) => (c.command.kind === 'sendTouch' ? [c.command.idempotencyKey] : []));
        expect(new Set(keys).size).toBe(keys.length);
        const sentOn = sim.commands.flatMap((c) => (c.command.kind === 'sendTouch' ? [c.command.channel] : []));
        expect(sentOn.filter((ch) => (unsubscribed as readonly string[]).includes(ch))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  // Why the API may leave out of a run's signals every event its playbook does not hear (eventTypesHeardBy).
  it('events of types the playbook does not hear change nothing it does', () => {
    const unheardTypes = fc.constantFrom('page_view', 'whatsapp_read', 'email_click');
    const withUnheard = scenario(true).chain((s) =>
      fc
        .array(fc.record({ t: fc.integer({ min: 0, max: 20 * DAY }), type: unheardTypes }), { maxLength: 6 })
        .map((extra) => ({
          ...s,
          events: [
            ...s.events,
            ...extra.map(({ t, type }): SimulationItem => ({
              kind: 'event',
              at: new Date(START.getTime() + t).toISOString(),
              event: { type },
            })),
          ],
        })),
    );
    fc.assert(
      fc.property(withUnheard, ({ playbook, events, unsubscribed }) => {
        const heard = new Set(eventTypesHeardBy(playbook));
        // The interpreter calls an unsubscribe `unsubscribed`; the API forwards it as such.
        const isHeard = (item: SimulationItem) =>
          item.kind !== 'event' || heard.has(item.event.type === 'unsubscribed' ? 'unsubscribe' : item.event.type);
        const lead = sampleLead({ unsubscribedChannels: [...unsubscribed] });
        const everything = simulateRun({ playbook, lead, events, startAt: START, maxSteps: 300 });
        // A loop that never ends stops at maxSteps, where each extra event has used up a step: compare ended runs.
        fc.pre(everything.stoppedBecause !== 'maxSteps');
        const heardOnly = simulateRun({
          playbook,
          lead,
          events: events.filter(isHeard),
          startAt: START,
          maxSteps: 300,
        });
        expect(heardOnly.path).toEqual(everything.path);
        expect(heardOnly.commands).toEqual(everything.commands);
        expect({ ...heardOnly.state, eventsSeen: null }).toEqual({ ...everything.state, eventsSeen: null });
      }),
      { numRuns: 300 },
    );
  });

  it('emits nothing after a terminal status, whatever arrives', () => {
    fc.assert(
      fc.property(playbookArb(true), (playbook) => {
        const ended = advance(
          playbook,
          startRun({ playbook, lead: sampleLead(), now: START, runId: 'r' }).state,
          { kind: 'exit', reason: 'x' },
          { now: START },
        );
        for (const input of [
          { kind: 'timerFired' as const },
          { kind: 'event' as const, event: { type: 'demo_booked', occurredAt: START.toISOString() } },
        ]) {
          expect(advance(playbook, ended.state, input, { now: new Date(START.getTime() + DAY) })).toEqual({
            state: ended.state,
            commands: [],
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});

import type { RunSignal } from '../runs/run-signals.service';
import { MAX_EVENTS_PER_SIGNAL, planRunSignals, runSignalsOf } from './outbox-handlers.service';

describe('runSignalsOf', () => {
  const base = { leadId: 'l1', eventId: 'e1', occurredAt: '2026-03-02T09:00:00Z', replyTo: null, properties: {} };

  it('passes a reply through with its channel', () => {
    expect(runSignalsOf({ ...base, type: 'email_reply', channel: 'email' })).toEqual({
      events: [{ type: 'email_reply', channel: 'email', occurredAt: base.occurredAt, eventId: 'e1', properties: {} }],
      exitReason: null,
    });
  });

  it("turns a channel unsubscribe into the interpreter's 'unsubscribed' event", () => {
    expect(runSignalsOf({ ...base, type: 'unsubscribe', channel: 'whatsapp' }).events).toEqual([
      expect.objectContaining({ type: 'unsubscribed', channel: 'whatsapp' }),
    ]);
  });

  it('exits the run on an unsubscribe from every channel', () => {
    expect(runSignalsOf({ ...base, type: 'unsubscribe', channel: 'all' })).toEqual({
      events: [],
      exitReason: 'unsubscribed:all',
    });
  });
});

describe('planRunSignals', () => {
  const event = (eventId: string, type = 'email_open') => ({
    event: { type, occurredAt: '2026-03-02T09:00:00Z', eventId },
  });
  const runA = { temporal_workflow_id: 'wf-a' };
  const runB = { temporal_workflow_id: 'wf-b' };
  const idsOf = (signal: RunSignal) =>
    signal.kind === 'leadEvents'
      ? { events: signal.payload.events.map((e) => e.event.eventId), exit: signal.payload.exitReason ?? null }
      : signal;

  it('gives each run its events as one leadEvents signal, in row order, with the touch a reply answers', () => {
    const plan = planRunSignals([
      { runs: [runA, runB], events: [event('e1')], exitReason: null },
      { runs: [runA], events: [{ ...event('e2', 'email_reply'), touchId: 't-1' }], exitReason: null },
      { runs: [runA, runB], events: [event('e3', 'email_click')], exitReason: null },
    ]);
    expect([...plan.keys()]).toEqual(['wf-a', 'wf-b']);
    expect(plan.get('wf-a')!.map(idsOf)).toEqual([{ events: ['e1', 'e2', 'e3'], exit: null }]);
    expect(plan.get('wf-b')!.map(idsOf)).toEqual([{ events: ['e1', 'e3'], exit: null }]);
    expect(plan.get('wf-a')![0]).toMatchObject({ payload: { events: [{}, { touchId: 't-1' }, {}] } });
    expect((plan.get('wf-a')![0] as { payload: { events: object[] } }).payload.events[0]).not.toHaveProperty('touchId');
  });

  it('lets an exit ride on the events before it, and sends it alone to a run that got none', () => {
    const plan = planRunSignals([
      { runs: [runA], events: [event('e1')], exitReason: null },
      { runs: [runA, runB], events: [], exitReason: 'left-segment:event' },
    ]);
    expect(plan.get('wf-a')!.map(idsOf)).toEqual([{ events: ['e1'], exit: 'left-segment:event' }]);
    expect(plan.get('wf-b')).toEqual([{ kind: 'exit', payload: { reason: 'left-segment:event' } }]);
  });

  it('sends a run nothing after its first exit: later events and exits are dropped', () => {
    const plan = planRunSignals([
      { runs: [runA], events: [event('e1')], exitReason: null },
      { runs: [runA], events: [], exitReason: 'unsubscribed:all' },
      { runs: [runA, runB], events: [event('e3')], exitReason: null },
      { runs: [runA], events: [], exitReason: 'left-segment:event' },
    ]);
    expect(plan.get('wf-a')!.map(idsOf)).toEqual([{ events: ['e1'], exit: 'unsubscribed:all' }]);
    expect(plan.get('wf-b')!.map(idsOf)).toEqual([{ events: ['e3'], exit: null }]);
  });

  it('splits a long run of events into signals of at most MAX_EVENTS_PER_SIGNAL, the exit riding on the last', () => {
    const count = 2 * MAX_EVENTS_PER_SIGNAL + 1;
    const plan = planRunSignals([
      ...Array.from({ length: count }, (_, i) => ({ runs: [runA], events: [event(`e${i}`)], exitReason: null })),
      { runs: [runA], events: [], exitReason: 'left-segment:event' },
    ]);
    const signals = plan.get('wf-a')!.map(idsOf) as { events: string[]; exit: string | null }[];
    expect(signals.map((s) => [s.events.length, s.exit])).toEqual([
      [MAX_EVENTS_PER_SIGNAL, null],
      [MAX_EVENTS_PER_SIGNAL, null],
      [1, 'left-segment:event'],
    ]);
    expect(signals.flatMap((s) => s.events)).toEqual(Array.from({ length: count }, (_, i) => `e${i}`));
  });

  it('plans nothing for rows no run is targeted by', () => {
    expect(
      planRunSignals([
        { runs: [], events: [event('e1')], exitReason: null },
        { runs: [], events: [], exitReason: 'left-segment:event' },
      ]).size,
    ).toBe(0);
  });
});

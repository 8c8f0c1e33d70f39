import { planRunSignals, runSignalsOf } from './outbox-handlers.service';

describe('runSignalsOf', () => {
  const base = { leadId: 'l1', eventId: 'e1', occurredAt: '2026-03-02T09:00:00Z', replyTo: null, properties: {} };

  it('passes a reply through with its channel', () => {
    expect(runSignalsOf({ ...base, type: 'email_reply', channel: 'email' })).toEqual({
      events: [{ type: 'email_reply', channel: 'email', occurredAt: base.occurredAt, eventId: 'e1', properties: {} }], exitReason: null,
    });
  });

  it("turns a channel unsubscribe into the interpreter's 'unsubscribed' event", () => {
    expect(runSignalsOf({ ...base, type: 'unsubscribe', channel: 'whatsapp' }).events).toEqual([expect.objectContaining({ type: 'unsubscribed', channel: 'whatsapp' })]);
  });

  it('exits the run on an unsubscribe from every channel', () => {
    expect(runSignalsOf({ ...base, type: 'unsubscribe', channel: 'all' })).toEqual({ events: [], exitReason: 'unsubscribed:all' });
  });
});

describe('planRunSignals', () => {
  const event = (eventId: string, type: string, channel: string | null = 'email') => ({ leadId: 'l1', eventId, type, occurredAt: '2026-03-02T09:00:00Z', channel, replyTo: null, properties: {} });
  const runA = { temporal_workflow_id: 'wf-a' };
  const runB = { temporal_workflow_id: 'wf-b' };
  const idsOf = (signal: { kind: string; payload?: unknown }) =>
    signal.kind === 'leadEvents' ? (signal.payload as { events: Array<{ event: { eventId?: string } }> }).events.map((e) => e.event.eventId) : signal;

  it("gives each run its events as one leadEvents signal, in row order, with the touch a reply answers", () => {
    const plan = planRunSignals(
      [event('e1', 'email_open'), event('e2', 'email_reply'), event('e3', 'email_click')],
      [{ runs: [runA, runB], touchId: null }, { runs: [runA], touchId: 't-1' }, { runs: [runA, runB], touchId: null }],
    );
    expect([...plan.keys()]).toEqual(['wf-a', 'wf-b']);
    expect(plan.get('wf-a')!.map(idsOf)).toEqual([['e1', 'e2', 'e3']]);
    expect(plan.get('wf-b')!.map(idsOf)).toEqual([['e1', 'e3']]);
    expect(plan.get('wf-a')![0]).toMatchObject({ payload: { events: [{}, { touchId: 't-1' }, {}] } });
    expect((plan.get('wf-a')![0] as { payload: { events: object[] } }).payload.events[0]).not.toHaveProperty('touchId');
  });

  it('puts the exit of an unsubscribe from every channel between the batches before and after it', () => {
    const plan = planRunSignals(
      [event('e1', 'email_open'), event('e2', 'unsubscribe', 'all'), event('e3', 'email_click')],
      [{ runs: [runA], touchId: null }, { runs: [runA], touchId: null }, { runs: [runA], touchId: null }],
    );
    expect(plan.get('wf-a')!.map(idsOf)).toEqual([['e1'], { kind: 'exit', payload: { reason: 'unsubscribed:all' } }, ['e3']]);
  });

  it('plans nothing for events no run hears', () => {
    expect(planRunSignals([event('e1', 'email_open')], [{ runs: [], touchId: 't-old' }]).size).toBe(0);
  });
});

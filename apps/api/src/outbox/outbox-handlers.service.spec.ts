import { runSignalsOf } from './outbox-handlers.service';

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

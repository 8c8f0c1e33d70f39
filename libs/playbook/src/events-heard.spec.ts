import { eventTypesHeardBy } from './events-heard';
import { buildPlaybook, samplePlaybook } from './testing';

describe('eventTypesHeardBy', () => {
  it('hears the goal events, what its waits and goals wait for, and its branches ask about, plus unsubscribe', () => {
    expect(eventTypesHeardBy(samplePlaybook())).toEqual(['demo_booked', 'email_reply', 'unsubscribe']);
  });

  it('finds event conditions nested in and / or / not, whatever channel they name', () => {
    const playbook = buildPlaybook({
      settings: { goalEvents: ['purchase'] },
      nodes: [
        {
          id: 'b',
          type: 'branch',
          config: {
            condition: {
              op: 'or',
              conditions: [
                {
                  op: 'and',
                  conditions: [
                    { op: 'eventSeen', eventType: 'whatsapp_read', channel: 'whatsapp' },
                    { op: 'compare', field: { scope: 'feature', name: 'fit' }, comparator: 'gte', value: 0.5 },
                  ],
                },
                { op: 'not', condition: { op: 'eventSeen', eventType: 'page_view' } },
              ],
            },
          },
        },
        {
          id: 'w',
          type: 'waitForEvent',
          config: { eventTypes: ['email_click', 'linkedin_reply'], timeoutMinutes: 60 },
        },
        { id: 'x', type: 'exit', config: { reason: 'done' } },
      ],
      edges: ['entry.next->b', 'b.yes->w', 'b.no->x', 'w.matched->x', 'w.timedOut->x'],
    });
    expect(eventTypesHeardBy(playbook)).toEqual([
      'email_click',
      'linkedin_reply',
      'page_view',
      'purchase',
      'unsubscribe',
      'whatsapp_read',
    ]);
  });

  it('hears only its goal events and unsubscribe when no node waits for or asks about an event', () => {
    const playbook = buildPlaybook({
      settings: { goalEvents: ['demo_booked'] },
      nodes: [
        { id: 'hold', type: 'wait', config: { mode: 'duration', minutes: 60 } },
        { id: 'done', type: 'exit', config: { reason: 'done' } },
      ],
      edges: ['entry.next->hold', 'hold.next->done'],
    });
    expect(eventTypesHeardBy(playbook)).toEqual(['demo_booked', 'unsubscribe']);
  });

  it('hears every reply type for a branch on reply intent (the branch reads the latest reply, whatever its channel)', () => {
    const playbook = buildPlaybook({
      nodes: [
        { id: 'b', type: 'branch', config: { condition: { op: 'replyIntent', intent: 'pricing' } } },
        { id: 'x', type: 'exit', config: { reason: 'done' } },
      ],
      edges: ['entry.next->b', 'b.yes->x', 'b.no->x'],
    });
    expect(eventTypesHeardBy(playbook)).toEqual([
      'demo_booked',
      'email_reply',
      'linkedin_reply',
      'unsubscribe',
      'whatsapp_reply',
    ]);
  });
});

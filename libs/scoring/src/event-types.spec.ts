import { EVENT_TYPES, RUN_RELEVANT_EVENT_TYPES, isRunRelevantEventType } from './event-types';

describe('EVENT_TYPES', () => {
  it('lists 16 distinct types', () => {
    expect(new Set(EVENT_TYPES).size).toBe(16);
  });
});

describe('isRunRelevantEventType', () => {
  it('accepts replies, reads, demo outcomes, purchases and unsubscribes', () => {
    for (const type of RUN_RELEVANT_EVENT_TYPES) expect(isRunRelevantEventType(type)).toBe(true);
  });

  it('rejects passive engagement', () => {
    for (const type of ['page_view', 'email_open', 'email_click', 'whatsapp_delivered', 'form_submit'] as const) {
      expect(isRunRelevantEventType(type)).toBe(false);
    }
  });
});

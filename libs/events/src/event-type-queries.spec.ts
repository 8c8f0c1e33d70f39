import {
  channelOfEventType,
  eventTypeDefinition,
  eventTypesWithOutcome,
  eventTypesWithPayload,
  isEventType,
  outcomeOf,
} from './event-type-queries';

describe('isEventType', () => {
  it('knows vocabulary types only, not inherited keys', () => {
    expect(isEventType('email_reply')).toBe(true);
    expect(isEventType('fax_sent')).toBe(false);
    expect(isEventType('toString')).toBe(false);
    expect(isEventType(3)).toBe(false);
  });
});

describe('eventTypeDefinition', () => {
  it('is null for an unknown type', () => {
    expect(eventTypeDefinition('email_reply')?.touch).toBe('replied');
    expect(eventTypeDefinition('fax_sent')).toBeNull();
  });
});

describe('outcomeOf', () => {
  it('classes replies, meetings, conversions, bounces and opt-outs', () => {
    expect(
      ['whatsapp_reply', 'demo_booked', 'purchase', 'email_bounce', 'unsubscribe', 'email_open', 'x'].map(outcomeOf),
    ).toEqual(['reply', 'meeting', 'conversion', 'bounce', 'optOut', null, null]);
  });
});

describe('channelOfEventType', () => {
  it('is the contact channel, null for channel-less and unknown types', () => {
    expect(['linkedin_accept', 'whatsapp_read', 'form_submit', 'unsubscribe', 'x'].map(channelOfEventType)).toEqual([
      'linkedin',
      'whatsapp',
      null,
      null,
      null,
    ]);
  });
});

describe('eventTypesWithOutcome', () => {
  it('lists a class in vocabulary order', () => {
    expect(eventTypesWithOutcome('reply')).toEqual(['email_reply', 'whatsapp_reply', 'linkedin_reply']);
    expect(eventTypesWithOutcome('optOut')).toEqual(['unsubscribe']);
  });
});

describe('eventTypesWithPayload', () => {
  it('lists the types of one payload', () => {
    expect(eventTypesWithPayload('page')).toEqual(['page_view']);
    expect(eventTypesWithPayload('none')).toHaveLength(13);
  });
});

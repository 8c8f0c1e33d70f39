import { EVENT_TYPES, EVENT_VOCABULARY, type EventPayload } from '@segflow/events';
import { eventInputSchema } from './event-input-schema';
import { formatIssues } from './format-issues';

const base = { eventId: 'evt-1', leadExternalId: 'crm-42', occurredAt: '2025-03-01T10:00:00+05:30' };
const extras: Record<EventPayload, object> = {
  none: {},
  page: { url: 'https://acme.in/pricing' },
  purchase: { amount: 49_999, currency: 'INR' },
  optOut: { channel: 'whatsapp' },
};

const issuesOf = (input: unknown) => {
  const result = eventInputSchema.safeParse(input);
  return result.success ? [] : formatIssues(result.error);
};

describe('eventInputSchema', () => {
  it.each(EVENT_TYPES)('accepts a minimal %s event', (type) => {
    expect(issuesOf({ ...base, type, ...extras[EVENT_VOCABULARY[type].payload] })).toEqual([]);
  });

  it('accepts properties up to MAX_PROPERTIES_BYTES, astral characters and the offsets of real zones', () => {
    const event = {
      ...base,
      type: 'email_open',
      occurredAt: '2025-03-01T10:00:00+14:00',
      properties: { big: 'x'.repeat(8_192 - 10), emoji: '😀' },
    };
    expect(issuesOf({ ...event, properties: { big: 'x'.repeat(8_192 - 10) } })).toEqual([]);
    expect(issuesOf({ ...event, properties: { emoji: '😀', at: '1970-01-01T00:00:00Z' } })).toEqual([]);
  });

  it('accepts properties and replyTo', () => {
    const event = { ...base, type: 'email_reply', properties: { subject: 'Re: quote' }, replyTo: { touchId: 't-9' } };
    expect(eventInputSchema.parse(event)).toEqual(event);
  });

  it.each([
    [{ type: 'page_view' }, 'url'],
    [{ type: 'purchase', amount: 0, currency: 'INR' }, 'amount'],
    [{ type: 'purchase', amount: 10, currency: 'RUPEE' }, 'currency'],
    [{ type: 'unsubscribe', channel: 'sms' }, 'channel'],
    [{ type: 'email_open', occurredAt: '2025-03-01 10:00' }, 'occurredAt'],
    [{ type: 'email_open', eventId: 'x'.repeat(129) }, 'eventId'],
    [{ type: 'email_open', replyTo: { touchId: 7 } }, 'replyTo.touchId'],
    [{ type: 'email_open', properties: 'nope' }, 'properties'],
    [{ type: 'sms_sent' }, 'type'],
    [{ type: 'email_open', occurredAt: '0000-01-01T00:00:00Z' }, 'occurredAt'],
    [{ type: 'email_open', occurredAt: '1969-12-31T23:59:59Z' }, 'occurredAt'],
    [{ type: 'email_open', occurredAt: '9999-12-31T23:59:59Z' }, 'occurredAt'],
    [{ type: 'email_open', occurredAt: '2025-03-01T10:00:00+23:59' }, 'occurredAt'],
    [{ type: 'email_open', properties: { note: 'a\u0000b' } }, 'properties.note'],
    [{ type: 'email_open', properties: { 'k\u0000': 1 } }, 'properties.k\u0000'],
    [{ type: 'email_open', properties: { tags: ['ok', '\uD800'] } }, 'properties.tags.1'],
    [{ type: 'email_open', properties: { big: 'x'.repeat(8_192) } }, 'properties'],
    [{ type: 'page_view', url: 'https://acme.in/\uDC00' }, 'url'],
    [{ type: 'email_open', eventId: 'e\u0000' }, 'eventId'],
  ])('rejects %j at field %s', (patch, field) => {
    expect(issuesOf({ ...base, ...patch }).map((issue) => issue.field)).toContain(field);
  });

  it('reports a malformed occurredAt once, not also as implausible', () => {
    expect(issuesOf({ ...base, type: 'email_open', occurredAt: 'yesterday' })).toEqual([
      { field: 'occurredAt', reason: 'Invalid ISO datetime' },
    ]);
  });
});

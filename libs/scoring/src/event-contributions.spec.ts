import type { EventInput } from './event-input-schema';
import { eventContributions, isEngagement } from './event-contributions';

const base = { eventId: 'e', leadExternalId: 'l', occurredAt: '2025-01-01T00:00:00Z' };

describe('eventContributions', () => {
  it('weights pricing page views as intent', () => {
    expect(eventContributions({ ...base, type: 'page_view', url: '/pricing' }).intent).toBe(3);
    expect(eventContributions({ ...base, type: 'page_view', url: '/blog' }).intent).toBe(0.2);
  });

  it('honours custom pricing patterns', () => {
    const event: EventInput = { ...base, type: 'page_view', url: '/tarife' };
    expect(eventContributions(event, { pricingPatterns: [/tarife/] }).intent).toBe(3);
  });

  it('converts purchase amounts to USD and ignores unknown currencies', () => {
    const purchase: EventInput = { ...base, type: 'purchase', amount: 100_000, currency: 'INR' };
    expect(eventContributions(purchase).valueUsd).toBeCloseTo(1200, 9);
    expect(eventContributions({ ...purchase, currency: 'JPY' }).valueUsd).toBe(0);
    expect(eventContributions({ ...purchase, currency: 'JPY' }, { usdPerUnit: { JPY: 0.0067 } }).valueUsd).toBeCloseTo(
      670,
      9,
    );
  });

  it('counts bounces, unsubscribes and no-shows as friction, not engagement', () => {
    for (const type of ['email_bounce', 'unsubscribe', 'demo_no_show'] as const) {
      const event = { ...base, type, channel: 'all' } as EventInput;
      expect(eventContributions(event).friction).toBeGreaterThan(0);
      expect(isEngagement(eventContributions(event))).toBe(false);
    }
  });

  it('credits replies to their channel', () => {
    expect(eventContributions({ ...base, type: 'whatsapp_reply' }).whatsapp).toBe(3);
    expect(eventContributions({ ...base, type: 'linkedin_reply' }).linkedin).toBe(3);
    expect(eventContributions({ ...base, type: 'email_reply' }).email).toBe(3);
  });

  it('weighs a reply by its classified intent: buying signals as intent, refusals as friction', () => {
    const reply = (intent?: string): EventInput => ({
      ...base,
      type: 'whatsapp_reply',
      properties: intent ? { text: '…', intent: { intent, confidence: 0.9 } } : { text: '…' },
    });
    expect(eventContributions(reply('pricing'))).toMatchObject({ intent: 7, whatsapp: 3, engagementShort: 3 });
    expect(eventContributions(reply('meeting_request')).intent).toBe(8);
    expect(eventContributions(reply('not_interested'))).toMatchObject({ intent: 0, friction: 2, whatsapp: 3 });
    expect(eventContributions(reply('unsubscribe')).friction).toBe(3);
    expect(eventContributions(reply('wrong_person')).friction).toBe(1);
    expect(eventContributions(reply('later'))).toEqual(eventContributions(reply()));
    expect(eventContributions(reply()).intent).toBe(4);
  });

  it('reads an intent only on replies', () => {
    const open: EventInput = { ...base, type: 'email_open', properties: { intent: { intent: 'pricing' } } };
    expect(eventContributions(open).intent).toBeUndefined();
  });
});

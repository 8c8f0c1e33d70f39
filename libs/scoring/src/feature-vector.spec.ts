import { applyEvent } from './apply-event';
import type { EventInput } from './event-input-schema';
import { emptyFeatureState } from './feature-state';
import { FEATURE_NAMES, featureVector, type FeatureName } from './feature-vector';

const NOW = new Date('2025-06-01T00:00:00Z');
const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY).toISOString();
const event = (type: EventInput['type'], daysAgo: number, extra: object = {}): EventInput =>
  ({ eventId: `${type}-${daysAgo}`, leadExternalId: 'l', occurredAt: at(daysAgo), type, ...extra }) as EventInput;
const vectorOf = (events: EventInput[]) =>
  featureVector(
    events.reduce((s, e) => applyEvent(s, e, NOW), emptyFeatureState()),
    { industry: 'saas' },
    NOW,
  );
const get = (vector: number[], name: FeatureName) => vector[FEATURE_NAMES.indexOf(name)]!;

describe('featureVector', () => {
  it('has one number per feature name', () => {
    expect(vectorOf([])).toHaveLength(FEATURE_NAMES.length);
  });

  it('is neutral for a lead without events', () => {
    const vector = vectorOf([]);
    expect(get(vector, 'recency')).toBe(0);
    expect(get(vector, 'velocity')).toBe(0);
    expect(get(vector, 'affinity_email')).toBeCloseTo(1 / 3, 12);
  });

  it('halves recency every 14 days', () => {
    expect(get(vectorOf([event('email_click', 14)]), 'recency')).toBeCloseTo(0.5, 12);
  });

  it('shows acceleration as positive and cooling as negative velocity', () => {
    const burst = Array.from({ length: 6 }, (_, i) => event('email_click', i * 0.5));
    const old = Array.from({ length: 6 }, (_, i) => event('email_click', 40 + i));
    expect(get(vectorOf(burst), 'velocity')).toBeGreaterThan(0.3);
    expect(get(vectorOf(old), 'velocity')).toBeLessThan(-0.3);
  });

  it('detects a WhatsApp-first lead', () => {
    const vector = vectorOf([event('whatsapp_reply', 1), event('whatsapp_read', 2), event('email_open', 3)]);
    expect(get(vector, 'affinity_whatsapp')).toBeGreaterThan(get(vector, 'affinity_email'));
  });

  it('puts purchases on a log10 USD scale', () => {
    expect(get(vectorOf([event('purchase', 0, { amount: 999, currency: 'USD' })]), 'value')).toBeCloseTo(3, 12);
  });
});

import { EVENT_VOCABULARY, outcomeOf } from '@segflow/events';
import type { EventInput } from './event-input-schema';
import type { AccumulatorName } from './feature-state';
import { DEFAULT_PRICING_PATTERNS, isPricingPage } from './is-pricing-page';

/** Knobs for turning events into accumulator weights. */
export interface FeatureOptions {
  /** Patterns that make a page view a pricing view (intent 3 instead of 0.2). */
  pricingPatterns?: readonly RegExp[];
  /** USD per unit of each currency, for the `value` feature. Unknown currencies add no value. */
  usdPerUnit?: Readonly<Record<string, number>>;
}

/**
 * Approximate USD rates used when the caller passes none. Coarse on purpose: the value
 * feature is a log scale, so a 10% rate drift moves it by < 0.05.
 *
 * @example
 * ```ts
 * DEFAULT_USD_PER_UNIT.INR; // 0.012
 * ```
 */
export const DEFAULT_USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  INR: 0.012,
  EUR: 1.08,
  GBP: 1.27,
  AED: 0.27,
  SGD: 0.74,
  AUD: 0.66,
  CAD: 0.73,
};

/** Undecayed weight an event adds to each accumulator (absent = 0). */
export type Contributions = Readonly<Partial<Record<AccumulatorName, number>>>;

/** Intent of a pricing page view, instead of the vocabulary's base intent of a page view. */
const PRICING_PAGE_INTENT = 3;

/**
 * What a reply's intent (`properties.intent.intent`, classified at ingest) changes in a plain reply's weights: buying
 * signals weigh more as intent, refusals weigh nothing as intent and add friction. Other intents (later, question,
 * out_of_office) and replies without one keep the plain weights.
 */
const REPLY_INTENT_WEIGHTS: Readonly<Record<string, Contributions>> = {
  meeting_request: { intent: 8 },
  pricing: { intent: 7 },
  interested: { intent: 6 },
  not_interested: { intent: 0, friction: 2 },
  unsubscribe: { intent: 0, friction: 3 },
  wrong_person: { intent: 0, friction: 1 },
};

function replyIntentOf(event: EventInput): string | undefined {
  const tag = event.properties?.['intent'] as { intent?: unknown } | undefined;
  return typeof tag?.intent === 'string' ? tag.intent : undefined;
}

/**
 * The undecayed weights one event adds: its type's `feeds` in libs/events' vocabulary, with a page
 * view's intent raised on pricing pages and a purchase's value in USD.
 *
 * @example
 * ```ts
 * eventContributions({ type: 'page_view', url: '/pricing', eventId: 'e', leadExternalId: 'l',
 *   occurredAt: '2025-01-01T00:00:00Z' }).intent; // 3
 * ```
 */
export function eventContributions(event: EventInput, options: FeatureOptions = {}): Contributions {
  const feeds: Contributions = EVENT_VOCABULARY[event.type].feeds;
  if ('url' in event) {
    const pricing = isPricingPage(event.url, options.pricingPatterns ?? DEFAULT_PRICING_PATTERNS);
    return pricing ? { ...feeds, intent: PRICING_PAGE_INTENT } : feeds;
  }
  if ('amount' in event) {
    const rate = (options.usdPerUnit ?? DEFAULT_USD_PER_UNIT)[event.currency] ?? 0;
    return { ...feeds, valueUsd: event.amount * rate };
  }
  const intent = outcomeOf(event.type) === 'reply' ? replyIntentOf(event) : undefined;
  const adjusted = intent === undefined ? undefined : REPLY_INTENT_WEIGHTS[intent];
  return adjusted ? { ...feeds, ...adjusted } : feeds;
}

/**
 * Whether the event is something the lead did (it updates recency).
 *
 * @example
 * ```ts
 * isEngagement(eventContributions(bounce)); // false
 * ```
 */
export function isEngagement(contributions: Contributions): boolean {
  return (contributions.engagementLong ?? 0) > 0;
}

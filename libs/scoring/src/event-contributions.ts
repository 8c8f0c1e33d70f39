import type { EventInput } from './event-input-schema';
import { isReplyEventType } from './event-types';
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

type Static = Exclude<EventInput['type'], 'page_view' | 'purchase'>;

// Engagement = something a person did; intent = buying signal; channel = reachability.
const STATIC: Record<Static, Contributions> = {
  email_open: { engagementShort: 0.5, engagementLong: 0.5, email: 0.5 },
  email_click: { engagementShort: 1, engagementLong: 1, intent: 0.5, email: 1 },
  email_reply: { engagementShort: 3, engagementLong: 3, intent: 4, email: 3 },
  email_bounce: { friction: 1 },
  whatsapp_delivered: {},
  whatsapp_read: { engagementShort: 0.5, engagementLong: 0.5, whatsapp: 1 },
  whatsapp_reply: { engagementShort: 3, engagementLong: 3, intent: 4, whatsapp: 3 },
  linkedin_accept: { engagementShort: 1, engagementLong: 1, linkedin: 1 },
  linkedin_reply: { engagementShort: 3, engagementLong: 3, intent: 4, linkedin: 3 },
  demo_booked: { engagementShort: 4, engagementLong: 4, intent: 6 },
  demo_attended: { engagementShort: 5, engagementLong: 5, intent: 8 },
  demo_no_show: { friction: 2 },
  form_submit: { engagementShort: 3, engagementLong: 3, intent: 3 },
  unsubscribe: { friction: 3 },
};

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
 * The undecayed weights one event adds (see FEATURES.md for the table).
 *
 * @example
 * ```ts
 * eventContributions({ type: 'page_view', url: '/pricing', eventId: 'e', leadExternalId: 'l',
 *   occurredAt: '2025-01-01T00:00:00Z' }).intent; // 3
 * ```
 */
export function eventContributions(event: EventInput, options: FeatureOptions = {}): Contributions {
  if (event.type === 'page_view') {
    const pricing = isPricingPage(event.url, options.pricingPatterns ?? DEFAULT_PRICING_PATTERNS);
    return { engagementShort: 1, engagementLong: 1, intent: pricing ? 3 : 0.2 };
  }
  if (event.type === 'purchase') {
    const rate = (options.usdPerUnit ?? DEFAULT_USD_PER_UNIT)[event.currency] ?? 0;
    return { engagementShort: 5, engagementLong: 5, intent: 2, valueUsd: event.amount * rate };
  }
  const weights = STATIC[event.type];
  const intent = isReplyEventType(event.type) ? replyIntentOf(event) : undefined;
  const adjusted = intent === undefined ? undefined : REPLY_INTENT_WEIGHTS[intent];
  return adjusted ? { ...weights, ...adjusted } : weights;
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

import type { ContactChannel } from './contact-channels';
import type { FeatureName } from './feature-names';

/**
 * What an event means as an outcome of outreach: `reply`, `meeting` and `conversion` are what dashboards count
 * (per channel for replies); `bounce` and `optOut` withdraw reachability (consent, suppressions, run exits).
 */
export type OutcomeClass = 'reply' | 'meeting' | 'conversion' | 'bounce' | 'optOut';

/**
 * The fields an event carries besides the common ones: `none`; `page` (a `url`); `purchase` (`amount` and
 * `currency`); `optOut` (the `channel` it withdraws, or `all`). The ingest schema is built per payload.
 */
export type EventPayload = 'none' | 'page' | 'purchase' | 'optOut';

/** The touch status an event implies for the touch it answers (libs/channels moves a touch forward only). */
export type TouchSignal = 'delivered' | 'opened' | 'clicked' | 'replied' | 'bounced';

/** Everything Segflow knows about one event type. */
export interface EventTypeDefinition {
  /** The contact channel it happened on, or null (site, demo and commerce events; `unsubscribe` names its own). */
  readonly channel: ContactChannel | null;
  readonly outcome: OutcomeClass | null;
  readonly payload: EventPayload;
  /** What it says about the touch it answers (`replyTo`), or null. */
  readonly touch: TouchSignal | null;
  /** How strongly it argues for acting now in a rep's inbox: 3 a conversation or meeting, 2 interest, 1 else. */
  readonly urgency: 1 | 2 | 3;
  /**
   * The undecayed weight it adds to each scoring feature (absent = 0). A page view's intent is this base, raised for
   * pricing pages; a purchase also adds its value in USD. Engagement = something a person did; intent = buying
   * signal; a channel = reachability there; friction = signs to back off.
   */
  readonly feeds: Readonly<Partial<Record<FeatureName, number>>>;
}

/**
 * Every event type Segflow ingests and what it means, in a fixed order. Adding a type here is all it takes for
 * ingest, playbook validation, the editor, run signals, the inbox, scoring and the dashboards' roll-ups (whose SQL
 * functions are regenerated from this table on the next migration run) to know it.
 *
 * @example
 * ```ts
 * EVENT_VOCABULARY.whatsapp_reply.outcome; // 'reply'
 * ```
 */
export const EVENT_VOCABULARY = {
  page_view: {
    channel: null,
    outcome: null,
    payload: 'page',
    touch: null,
    urgency: 2,
    feeds: { engagementShort: 1, engagementLong: 1, intent: 0.2 },
  },
  email_open: {
    channel: 'email',
    outcome: null,
    payload: 'none',
    touch: 'opened',
    urgency: 1,
    feeds: { engagementShort: 0.5, engagementLong: 0.5, email: 0.5 },
  },
  email_click: {
    channel: 'email',
    outcome: null,
    payload: 'none',
    touch: 'clicked',
    urgency: 1,
    feeds: { engagementShort: 1, engagementLong: 1, intent: 0.5, email: 1 },
  },
  email_reply: {
    channel: 'email',
    outcome: 'reply',
    payload: 'none',
    touch: 'replied',
    urgency: 3,
    feeds: { engagementShort: 3, engagementLong: 3, intent: 4, email: 3 },
  },
  email_bounce: {
    channel: 'email',
    outcome: 'bounce',
    payload: 'none',
    touch: 'bounced',
    urgency: 1,
    feeds: { friction: 1 },
  },
  whatsapp_delivered: {
    channel: 'whatsapp',
    outcome: null,
    payload: 'none',
    touch: 'delivered',
    urgency: 1,
    feeds: {},
  },
  whatsapp_read: {
    channel: 'whatsapp',
    outcome: null,
    payload: 'none',
    touch: 'opened',
    urgency: 1,
    feeds: { engagementShort: 0.5, engagementLong: 0.5, whatsapp: 1 },
  },
  whatsapp_reply: {
    channel: 'whatsapp',
    outcome: 'reply',
    payload: 'none',
    touch: 'replied',
    urgency: 3,
    feeds: { engagementShort: 3, engagementLong: 3, intent: 4, whatsapp: 3 },
  },
  linkedin_accept: {
    channel: 'linkedin',
    outcome: null,
    payload: 'none',
    touch: null,
    urgency: 1,
    feeds: { engagementShort: 1, engagementLong: 1, linkedin: 1 },
  },
  linkedin_reply: {
    channel: 'linkedin',
    outcome: 'reply',
    payload: 'none',
    touch: 'replied',
    urgency: 3,
    feeds: { engagementShort: 3, engagementLong: 3, intent: 4, linkedin: 3 },
  },
  demo_booked: {
    channel: null,
    outcome: 'meeting',
    payload: 'none',
    touch: null,
    urgency: 3,
    feeds: { engagementShort: 4, engagementLong: 4, intent: 6 },
  },
  // Counted once, when booked: an attended demo is the same meeting.
  demo_attended: {
    channel: null,
    outcome: null,
    payload: 'none',
    touch: null,
    urgency: 1,
    feeds: { engagementShort: 5, engagementLong: 5, intent: 8 },
  },
  demo_no_show: {
    channel: null,
    outcome: null,
    payload: 'none',
    touch: null,
    urgency: 1,
    feeds: { friction: 2 },
  },
  form_submit: {
    channel: null,
    outcome: null,
    payload: 'none',
    touch: null,
    urgency: 2,
    feeds: { engagementShort: 3, engagementLong: 3, intent: 3 },
  },
  purchase: {
    channel: null,
    outcome: 'conversion',
    payload: 'purchase',
    touch: null,
    urgency: 1,
    feeds: { engagementShort: 5, engagementLong: 5, intent: 2 },
  },
  unsubscribe: {
    channel: null,
    outcome: 'optOut',
    payload: 'optOut',
    touch: null,
    urgency: 1,
    feeds: { friction: 3 },
  },
} as const satisfies Record<string, EventTypeDefinition>;

/** One event type: a key of {@link EVENT_VOCABULARY}. */
export type EventType = keyof typeof EVENT_VOCABULARY;

/**
 * Every event type, in the vocabulary's order.
 *
 * @example
 * ```ts
 * EVENT_TYPES.includes('email_reply'); // true
 * ```
 */
export const EVENT_TYPES = Object.keys(EVENT_VOCABULARY) as [EventType, ...EventType[]];

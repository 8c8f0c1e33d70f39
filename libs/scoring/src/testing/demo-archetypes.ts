import type { EventInput } from '../event-input-schema';
import type { DemoPicker } from './demo-rng';

/**
 * The behavioural groups of the demo population.
 *
 * @example
 * ```ts
 * DEMO_ARCHETYPES.length; // 5
 * ```
 */
export const DEMO_ARCHETYPES = [
  'hot_inbound',
  'price_comparer',
  'dormant',
  'low_fit_active',
  'whatsapp_founder',
] as const;
/** One of {@link DEMO_ARCHETYPES}. */
export type DemoArchetype = (typeof DEMO_ARCHETYPES)[number];

type EventType = EventInput['type'];
/** Records one event `daysAgo` days before `now` (extra fields for page views, purchases, unsubscribes). */
export type Emit = (
  type: EventType,
  daysAgo: number,
  extra?: { url?: string; amount?: number; currency?: string; channel?: 'email' | 'whatsapp' | 'linkedin' | 'all' },
) => void;

/** How an archetype looks on paper and behaves. */
export interface ArchetypeSpec {
  share: number;
  industries: readonly string[];
  headcount: readonly [number, number];
  fit: 'good' | 'fair' | 'poor';
  indiaOnly: boolean;
  behave: (emit: Emit, pick: DemoPicker) => void;
}

const PRICING_URLS = ['/pricing', '/plans', '/compare/segflow-vs-hubspot', '/pricing?plan=growth'];
const CONTENT_URLS = [
  '/blog/whatsapp-sales',
  '/features',
  '/case-studies/surat-textiles',
  '/docs/getting-started',
  '/',
];

function repeat(times: number, fn: (i: number) => void): void {
  for (let i = 0; i < times; i += 1) fn(i);
}

function hotInbound(emit: Emit, pick: DemoPicker): void {
  const start = pick.real(1, 8);
  emit('form_submit', start);
  repeat(pick.int(3, 6), () => emit('page_view', pick.real(0, start), { url: pick.one(PRICING_URLS) }));
  repeat(pick.int(2, 4), () => emit('email_open', pick.real(0, start)));
  repeat(pick.int(1, 3), () => emit('email_click', pick.real(0, start)));
  emit('email_reply', pick.real(0, start));
  emit('demo_booked', pick.real(0, start));
  if (pick.chance(0.7)) emit('demo_attended', pick.real(0, start / 2));
  if (pick.chance(0.25)) emit('purchase', pick.real(0, 2), { amount: pick.int(30_000, 200_000), currency: 'INR' });
}

function priceComparer(emit: Emit, pick: DemoPicker): void {
  repeat(pick.int(6, 12), () => emit('page_view', pick.real(0, 30), { url: pick.one(PRICING_URLS) }));
  repeat(pick.int(2, 5), () => emit('email_open', pick.real(0, 30)));
  if (pick.chance(0.5)) emit('email_click', pick.real(0, 30));
  if (pick.chance(0.3)) emit('demo_booked', pick.real(10, 30));
  repeat(pick.int(1, 2), () => emit('demo_no_show', pick.real(3, 25)));
  if (pick.chance(0.4)) emit('email_bounce', pick.real(0, 30));
}

function dormant(emit: Emit, pick: DemoPicker): void {
  repeat(pick.int(2, 6), () => emit('email_open', pick.real(90, 300)));
  repeat(pick.int(1, 3), () => emit('page_view', pick.real(90, 300), { url: pick.one(CONTENT_URLS) }));
  if (pick.chance(0.3)) emit('email_bounce', pick.real(20, 60));
  if (pick.chance(0.2)) emit('unsubscribe', pick.real(60, 200), { channel: 'email' });
}

function lowFitActive(emit: Emit, pick: DemoPicker): void {
  repeat(pick.int(8, 16), () => emit('page_view', pick.real(0, 25), { url: pick.one(CONTENT_URLS) }));
  repeat(pick.int(4, 8), () => emit('email_open', pick.real(0, 25)));
  repeat(pick.int(2, 5), () => emit('email_click', pick.real(0, 25)));
  repeat(pick.int(1, 2), () => emit('linkedin_accept', pick.real(0, 25)));
}

function whatsappFounder(emit: Emit, pick: DemoPicker): void {
  repeat(pick.int(4, 8), () => {
    const at = pick.real(0, 21);
    emit('whatsapp_delivered', at + 0.01);
    emit('whatsapp_read', at);
  });
  repeat(pick.int(2, 4), () => emit('whatsapp_reply', pick.real(0, 21)));
  if (pick.chance(0.3)) emit('email_open', pick.real(0, 30));
  if (pick.chance(0.4)) emit('page_view', pick.real(0, 21), { url: pick.one(PRICING_URLS) });
}

/**
 * Firmographics and behaviour of each archetype. Shares sum to 1.
 *
 * @example
 * ```ts
 * ARCHETYPE_SPECS.whatsapp_founder.indiaOnly; // true
 * ```
 */
export const ARCHETYPE_SPECS: Readonly<Record<DemoArchetype, ArchetypeSpec>> = {
  hot_inbound: {
    share: 0.15,
    industries: ['saas', 'it services', 'logistics'],
    headcount: [20, 300],
    fit: 'good',
    indiaOnly: false,
    behave: hotInbound,
  },
  price_comparer: {
    share: 0.2,
    industries: ['saas', 'retail', 'logistics', 'real estate'],
    headcount: [10, 200],
    fit: 'fair',
    indiaOnly: false,
    behave: priceComparer,
  },
  dormant: {
    share: 0.3,
    industries: ['saas', 'manufacturing', 'retail', 'it services', 'real estate'],
    headcount: [5, 500],
    fit: 'fair',
    indiaOnly: false,
    behave: dormant,
  },
  low_fit_active: {
    share: 0.15,
    industries: ['hospitality', 'education'],
    headcount: [1, 4],
    fit: 'poor',
    indiaOnly: false,
    behave: lowFitActive,
  },
  whatsapp_founder: {
    share: 0.2,
    industries: ['textiles', 'manufacturing', 'real estate'],
    headcount: [8, 80],
    fit: 'fair',
    indiaOnly: true,
    behave: whatsappFounder,
  },
};

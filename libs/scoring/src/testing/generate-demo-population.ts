import { createRng } from '../create-rng';
import type { EventInput } from '../event-input-schema';
import type { LeadInput } from '../lead-input-schema';
import { ARCHETYPE_SPECS, DEMO_ARCHETYPES, type DemoArchetype, type Emit } from './demo-archetypes';
import {
  DEMO_CITIES,
  DEMO_COMPANY_PREFIXES,
  DEMO_FIRMOGRAPHICS,
  DEMO_FIRST_NAMES,
  DEMO_INDUSTRIES,
  DEMO_LAST_NAMES,
} from './demo-places';
import { demoPicker, type DemoPicker } from './demo-rng';

const DAY_MS = 86_400_000;

/** Input of {@link generateDemoPopulation}. */
export interface DemoPopulationInput {
  leads: number;
  seed: number;
  /** Events happen before this instant. */
  now: Date;
}

/** A demo population: valid ingest payloads plus the archetype behind each lead. */
export interface DemoPopulation {
  leads: LeadInput[];
  events: EventInput[];
  /** externalId → archetype (ground truth for clustering tests). */
  archetypeOf: Record<string, DemoArchetype>;
}

function pickArchetype(pick: DemoPicker): DemoArchetype {
  let roll = pick.rng();
  for (const name of DEMO_ARCHETYPES) {
    roll -= ARCHETYPE_SPECS[name].share;
    if (roll < 0) return name;
  }
  return 'dormant';
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

function makeLead(index: number, archetype: DemoArchetype, pick: DemoPicker): LeadInput {
  const spec = ARCHETYPE_SPECS[archetype];
  const place = pick.one(spec.indiaOnly || pick.chance(0.75) ? DEMO_CITIES.slice(0, 6) : DEMO_CITIES.slice(6));
  const industry = pick.one(spec.industries);
  const words = DEMO_INDUSTRIES.find((i) => i.industry === industry)?.companyWords ?? ['Ventures'];
  const company = `${pick.one(DEMO_COMPANY_PREFIXES)} ${pick.one(words)}`;
  const [first, last] = [pick.one(DEMO_FIRST_NAMES), pick.one(DEMO_LAST_NAMES)];
  const phoneDigits = Array.from({ length: place.mobileDigits }, () => pick.int(0, 9)).join('');
  const firm = DEMO_FIRMOGRAPHICS[spec.fit];
  return {
    externalId: `demo-${index}`,
    name: `${first} ${last}`,
    email: `${slug(first)}.${slug(last)}@${slug(company)}.${place.country === 'IN' ? 'in' : 'com'}`,
    phone: `${place.mobilePrefix}${phoneDigits}`,
    linkedinUrl: `https://www.linkedin.com/in/${slug(first)}-${slug(last)}-${index}`,
    company,
    industry,
    headcount: pick.int(spec.headcount[0], spec.headcount[1]),
    revenueBand: pick.one(firm.revenue),
    fundingStage: pick.one(firm.funding),
    city: place.city,
    country: place.country,
    timezone: place.timezone,
    consent: {
      email: pick.chance(0.9),
      whatsapp: place.country === 'IN' ? pick.chance(0.85) : pick.chance(0.3),
      linkedin: pick.chance(0.6),
    },
  };
}

function eventsFor(lead: LeadInput, archetype: DemoArchetype, pick: DemoPicker, now: Date): EventInput[] {
  const events: EventInput[] = [];
  const emit: Emit = (type, daysAgo, extra = {}) => {
    const base = {
      eventId: `${lead.externalId}-e${events.length}`,
      leadExternalId: lead.externalId,
      occurredAt: new Date(now.getTime() - Math.round(daysAgo * DAY_MS)).toISOString(),
    };
    if (type === 'page_view') events.push({ ...base, type, url: `https://segflow.example${extra.url ?? '/'}` });
    else if (type === 'purchase')
      events.push({ ...base, type, amount: extra.amount ?? 1000, currency: extra.currency ?? 'INR' });
    else if (type === 'unsubscribe') events.push({ ...base, type, channel: extra.channel ?? 'all' });
    else events.push({ ...base, type });
  };
  ARCHETYPE_SPECS[archetype].behave(emit, pick);
  return events;
}

/**
 * A reproducible demo population of Indian SMBs and a few firms abroad, drawn from five
 * archetypes (hot inbound, price-sensitive comparers, dormant, low-fit but active,
 * WhatsApp-first founders) whose events form distinct behavioural groups. Every lead and
 * event validates against `leadInputSchema` / `eventInputSchema`; all events are before `now`.
 *
 * @example
 * ```ts
 * const { leads, events, archetypeOf } = generateDemoPopulation({ leads: 500, seed: 7, now: new Date('2025-06-01T00:00:00Z') });
 * ```
 */
export function generateDemoPopulation(input: DemoPopulationInput): DemoPopulation {
  const pick = demoPicker(createRng(input.seed));
  const leads: LeadInput[] = [];
  const events: EventInput[] = [];
  const archetypeOf: Record<string, DemoArchetype> = {};
  for (let i = 0; i < input.leads; i += 1) {
    const archetype = pickArchetype(pick);
    const lead = makeLead(i, archetype, pick);
    leads.push(lead);
    archetypeOf[lead.externalId] = archetype;
    events.push(...eventsFor(lead, archetype, pick, input.now));
  }
  return { leads, events, archetypeOf };
}

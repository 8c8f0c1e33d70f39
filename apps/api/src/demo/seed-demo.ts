import { DynamicModule, Global, Module } from '@nestjs/common';
import type { EventInput, LeadInput } from '@segflow/scoring';
import { generateDemoPopulation } from '@segflow/scoring/testing';
import { SYSTEM_ACTOR } from '@segflow/stores';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseModule } from '../database/database.module';
import { seedDemoPlaybooks, type DemoPlaybookServices, type DemoPlaybookSummary } from './demo-playbooks';
import { RepCalendarService } from '../users/rep-calendar.service';
import { demoTeamOf, seedDemoTeam, type DemoCredential } from './demo-team';
import { EventsModule } from '../events/events.module';
import { IngestWriter } from '../events/ingest-writer';
import { validateEvents } from '../events/validate-events';
import { LeadsModule } from '../leads/leads.module';
import { LeadsService } from '../leads/leads.service';
import { PlaybooksModule } from '../playbooks/playbooks.module';
import { SlaPoliciesModule } from '../sla/sla-policies.module';
import { TeamsModule } from '../teams/teams.module';
import { TeamsService } from '../teams/teams.service';
import { TemporalModule } from '../temporal/temporal.module';
import { UsersModule } from '../users/users.module';
import { UsersService } from '../users/users.service';
import { SegmentModelsService } from '../segments/segment-models.service';
import { SegmentsModule } from '../segments/segments.module';

@Global()
@Module({})
class SeedConfigModule {
  static register(config: AppConfig): DynamicModule {
    return { module: SeedConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** Just what seeding needs (no HTTP, no dispatcher, no SLA monitor): the same services the API uses. */
@Module({})
export class SeedDemoModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: SeedDemoModule,
      imports: [
        SeedConfigModule.register(config),
        DatabaseModule,
        TemporalModule,
        LeadsModule,
        EventsModule,
        SegmentsModule,
        UsersModule,
        TeamsModule,
        PlaybooksModule,
        SlaPoliciesModule,
      ],
    };
  }
}

/** The services {@link seedDemo} works through. */
export interface SeedDemoServices extends DemoPlaybookServices {
  leads: LeadsService;
  /** Writes the demo history with a clock of its own (ingest proper stamps every change with the server's time). */
  ingest: IngestWriter;
  models: SegmentModelsService;
  teams: TeamsService;
  users: UsersService;
  calendars: RepCalendarService;
}

/** What {@link seedDemoPopulation} did. */
export interface DemoPopulationSummary {
  skipped: boolean;
  leads: number;
  events: { accepted: number; duplicate: number; rejected: number };
  modelId: string | null;
  segments: number;
}

/** What {@link seedDemo} did. Passwords are kept out of it (it is logged); they come back in `credentials`. */
export interface SeedDemoSummary {
  population: DemoPopulationSummary;
  team: { teamsCreated: number; usersCreated: number };
  playbooks: DemoPlaybookSummary[];
}

/** Real minutes per day of the demo playbooks' waits: a run visibly moves on within minutes of the first start. */
export const DEMO_MINUTES_PER_DAY = 3;

const chunk = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Seeds the demo: a sales org (manager, two teams of reps), a lead population with months of events and owners,
 * segment models with conversion propensity, and published playbooks bound to the segments they fit, with SLA
 * policies and their current members enrolled, so the dashboards, the inbox and the lead pages have something to
 * show at once. Every step is idempotent, so a second call changes nothing and a half-done seed resumes. Playbooks
 * send at any hour (no quiet hours) so a demo opened at night still shows touches.
 */
export async function seedDemo(
  services: SeedDemoServices,
  options: { leads: number; seed?: number; now?: Date },
): Promise<{ summary: SeedDemoSummary; credentials: DemoCredential[] }> {
  const team = await seedDemoTeam(services);
  const population = await seedDemoPopulation(services, { ...options, repsByTeam: team.repsByTeam });
  const playbooks = await seedDemoPlaybooks(services, { minutesPerDay: DEMO_MINUTES_PER_DAY, quietHours: null });
  return {
    summary: { population, team: { teamsCreated: team.teamsCreated, usersCreated: team.created.length }, playbooks },
    credentials: team.created,
  };
}

const DAY_MS = 86_400_000;
/** The demo history: cohorts arriving two weeks apart, the last at the seed's `now` (bench/propensity's shape). */
const DEMO_COHORTS = 12;
const COHORT_DAYS = 14;

/**
 * The demo population as {@link DEMO_COHORTS} cohorts of libs/scoring generateDemoPopulation, each one's events ending
 * at its arrival, so the history spans months and early entries have a closed conversion window by `now`. Leads are
 * numbered `demo-0`… across the cohorts.
 */
function demoHistory(input: { leads: number; seed: number; now: Date }): { leads: LeadInput[]; events: EventInput[] } {
  const leads: LeadInput[] = [];
  const events: EventInput[] = [];
  for (let c = 0; c < DEMO_COHORTS; c += 1) {
    const size = Math.floor((input.leads * (c + 1)) / DEMO_COHORTS) - Math.floor((input.leads * c) / DEMO_COHORTS);
    const arrival = new Date(input.now.getTime() - (DEMO_COHORTS - 1 - c) * COHORT_DAYS * DAY_MS);
    const cohort = generateDemoPopulation({ leads: size, seed: input.seed + c, now: arrival });
    const renamed = (id: string) => `demo-${leads.length + Number(id.slice('demo-'.length))}`;
    for (const e of cohort.events) {
      const leadExternalId = renamed(e.leadExternalId);
      events.push({ ...e, leadExternalId, eventId: leadExternalId + e.eventId.slice(e.leadExternalId.length) });
    }
    leads.push(...cohort.leads.map((lead) => ({ ...lead, externalId: renamed(lead.externalId) })));
  }
  events.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  return { leads, events };
}

/**
 * Seeds the demo population in event time, as if Segflow had been running through its history: each lead is created
 * before its first event and the events are written day by day with the ingest writer's clock at that day, so
 * memberships open when the events happen. The first segment model is trained at the first cohort's arrival (it
 * activates without approval); the one trained at `now` has closed segment entries to train the conversion
 * propensity model on, and is approved. Each lead is owned by a rep of its territory's team (round robin). A database
 * with the demo leads, an active model and an earlier one is left alone; a half-done seed resumes (lead upserts and
 * eventIds are idempotent, a trained first model or an unapproved last one is kept).
 */
export async function seedDemoPopulation(
  services: Pick<SeedDemoServices, 'leads' | 'ingest' | 'models'>,
  options: { leads: number; seed?: number; now?: Date; repsByTeam: ReadonlyMap<string, readonly string[]> },
): Promise<DemoPopulationSummary> {
  const models = await services.models.list();
  const active = models.find((m) => m.status === 'active');
  const seeded = (await services.leads.list({ limit: 1, offset: 0, search: 'demo-0' })).length > 0;
  if (seeded && active && models.length > 1)
    return { skipped: true, leads: 0, events: { accepted: 0, duplicate: 0, rejected: 0 }, modelId: null, segments: 0 };
  const seed = options.seed ?? 7;
  const now = options.now ?? new Date();
  const history = demoHistory({ leads: options.leads, seed, now });
  const assigned = new Map<string, number>();
  const owned = new Map(
    history.leads.map((lead) => {
      const teamId = demoTeamOf({ city: lead.city, country: lead.country });
      const reps = options.repsByTeam.get(teamId) ?? [];
      const turn = assigned.get(teamId) ?? 0;
      assigned.set(teamId, turn + 1);
      return [lead.externalId, reps.length ? { ...lead, ownerId: reps[turn % reps.length] } : lead];
    }),
  );
  const events = { accepted: 0, duplicate: 0, rejected: 0 };
  const ingestAt = async (at: Date, batch: EventInput[]) => {
    const arriving = [...new Set(batch.map((e) => e.leadExternalId))].flatMap((id) => {
      const lead = owned.get(id);
      owned.delete(id);
      return lead ? [lead] : [];
    });
    for (const leads of chunk(arriving, 1_000)) await services.leads.upsert(leads);
    const { valid, results } = validateEvents(batch, at);
    results.push(...(await services.ingest.write(valid, at)));
    for (const result of results) events[result.status] += 1;
  };

  const start = new Date(now.getTime() - (DEMO_COHORTS - 1) * COHORT_DAYS * DAY_MS);
  await ingestAt(
    start,
    history.events.filter((e) => Date.parse(e.occurredAt) <= start.getTime()),
  );
  if (!active) await trainDemoModel(services, start, seed);
  const days = new Map<number, EventInput[]>();
  for (const e of history.events.filter((e) => Date.parse(e.occurredAt) > start.getTime())) {
    const day = Math.ceil((Date.parse(e.occurredAt) - start.getTime()) / DAY_MS);
    if (!days.has(day)) days.set(day, []);
    days.get(day)!.push(e);
  }
  // The last day's clock stops at `now`, where its events end.
  for (const [day, batch] of days)
    await ingestAt(new Date(Math.min(start.getTime() + day * DAY_MS, now.getTime())), batch);

  const pending = (await services.models.list()).find((m) => m.status === 'candidate');
  const candidate = pending ?? (await trainDemoModel(services, now, seed));
  const approved = await services.models.approveOrThrow(candidate.id, SYSTEM_ACTOR, now);
  return {
    skipped: false,
    leads: history.leads.length,
    events,
    modelId: approved.id,
    segments: approved.segments.length,
  };
}

// Trains a segment model at `now` and waits for it: the first activates at once, a later one stays a candidate.
async function trainDemoModel(services: Pick<SeedDemoServices, 'models'>, now: Date, seed: number) {
  const started = await services.models.retrain({ kRange: [4, 7], seed }, now);
  await services.models.whenIdle();
  const trained = await services.models.getOrThrow(started.id);
  if (trained.status !== 'active' && trained.status !== 'candidate')
    throw new Error(`demo model ${trained.id} ended ${trained.status}: ${trained.error ?? ''}`);
  return trained;
}

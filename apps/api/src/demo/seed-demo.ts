import { DynamicModule, Global, Module } from '@nestjs/common';
import { generateDemoPopulation } from '@segflow/scoring/testing';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseModule } from '../database/database.module';
import { seedDemoPlaybooks, type DemoPlaybookServices, type DemoPlaybookSummary } from './demo-playbooks';
import { RepCalendarService } from '../users/rep-calendar.service';
import { demoTeamOf, seedDemoTeam, type DemoCredential } from './demo-team';
import { EventsModule } from '../events/events.module';
import { EventsService } from '../events/events.service';
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
  events: EventsService;
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
 * Seeds the demo: a sales org (manager, two teams of reps), a lead population with events and owners, a first
 * segment model, and published playbooks bound to the segments they fit, with SLA policies and their current
 * members enrolled, so the dashboards, the inbox and the lead pages have something to show at once. Every step is
 * idempotent, so a second call changes nothing and a half-done seed resumes. Playbooks send at any hour (no quiet
 * hours) so a demo opened at night still shows touches.
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

/**
 * Seeds a demo population (libs/scoring generateDemoPopulation) through the ingest services, each lead owned by a
 * rep of its territory's team (round robin), then trains the first segment model (which activates without
 * approval). A database that already has the demo leads and an active model is left alone; a half-done seed
 * resumes (lead upserts and eventIds are idempotent).
 */
export async function seedDemoPopulation(
  services: Pick<SeedDemoServices, 'leads' | 'events' | 'models'>,
  options: { leads: number; seed?: number; now?: Date; repsByTeam: ReadonlyMap<string, readonly string[]> },
): Promise<DemoPopulationSummary> {
  const models = await services.models.list();
  const hasActive = models.some((m) => m.status === 'active');
  const seeded = (await services.leads.list({ limit: 1, offset: 0, search: 'demo-0' })).length > 0;
  if (seeded && hasActive)
    return { skipped: true, leads: 0, events: { accepted: 0, duplicate: 0, rejected: 0 }, modelId: null, segments: 0 };
  const population = generateDemoPopulation({
    leads: options.leads,
    seed: options.seed ?? 7,
    now: options.now ?? new Date(),
  });
  const assigned = new Map<string, number>();
  const owned = population.leads.map((lead) => {
    const teamId = demoTeamOf({ city: lead.city, country: lead.country });
    const reps = options.repsByTeam.get(teamId) ?? [];
    const turn = assigned.get(teamId) ?? 0;
    assigned.set(teamId, turn + 1);
    return reps.length ? { ...lead, ownerId: reps[turn % reps.length] } : lead;
  });
  for (const leads of chunk(owned, 1_000)) await services.leads.upsert(leads);
  const events = { accepted: 0, duplicate: 0, rejected: 0 };
  for (const batch of chunk(population.events, 5_000)) {
    const result = await services.events.ingest(batch);
    events.accepted += result.accepted;
    events.duplicate += result.duplicate;
    events.rejected += result.rejected;
  }
  const model = hasActive ? null : await services.models.retrain({ kRange: [4, 7], seed: options.seed ?? 7 });
  await services.models.whenIdle();
  const trained = model && (await services.models.getOrThrow(model.id));
  if (trained && trained.status !== 'active')
    throw new Error(`demo model ${trained.id} ended ${trained.status}: ${trained.error ?? ''}`);
  return {
    skipped: false,
    leads: population.leads.length,
    events,
    modelId: trained?.id ?? null,
    segments: trained?.segments.length ?? 0,
  };
}

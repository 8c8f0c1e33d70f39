import { DynamicModule, Global, Module } from '@nestjs/common';
import { generateDemoPopulation } from '@segflow/scoring/testing';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseModule } from '../database/database.module';
import { EventsModule } from '../events/events.module';
import { EventsService } from '../events/events.service';
import { LeadsModule } from '../leads/leads.module';
import { LeadsService } from '../leads/leads.service';
import { TemporalModule } from '../temporal/temporal.module';
import { SegmentModelsService } from './segment-models.service';
import { SegmentsModule } from './segments.module';

@Global()
@Module({})
class SeedConfigModule {
  static register(config: AppConfig): DynamicModule {
    return { module: SeedConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** Just what seeding needs (no HTTP, no auth, no dispatcher): the same services the API uses. */
@Module({})
export class SeedDemoModule {
  static register(config: AppConfig): DynamicModule {
    return { module: SeedDemoModule, imports: [SeedConfigModule.register(config), DatabaseModule, TemporalModule, LeadsModule, EventsModule, SegmentsModule] };
  }
}

/** What {@link seedDemo} did. */
export interface SeedDemoSummary {
  skipped: boolean;
  leads: number;
  events: { accepted: number; duplicate: number; rejected: number };
  modelId: string | null;
  segments: number;
}

const chunk = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Seeds a demo population (libs/scoring generateDemoPopulation) through the ingest services, then trains the first
 * segment model (which activates without approval). Idempotent: a database that already has the demo leads and an
 * active model is left alone; a half-done seed resumes (lead upserts and eventIds are idempotent).
 */
export async function seedDemo(
  services: { leads: LeadsService; events: EventsService; models: SegmentModelsService },
  options: { leads: number; seed?: number; now?: Date },
): Promise<SeedDemoSummary> {
  const models = await services.models.list();
  const hasActive = models.some((m) => m.status === 'active');
  const seeded = (await services.leads.list({ limit: 1, offset: 0, search: 'demo-0' })).length > 0;
  if (seeded && hasActive) return { skipped: true, leads: 0, events: { accepted: 0, duplicate: 0, rejected: 0 }, modelId: null, segments: 0 };
  const population = generateDemoPopulation({ leads: options.leads, seed: options.seed ?? 7, now: options.now ?? new Date() });
  for (const leads of chunk(population.leads, 1_000)) await services.leads.upsert(leads);
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
  if (trained && trained.status !== 'active') throw new Error(`demo model ${trained.id} ended ${trained.status}: ${trained.error ?? ''}`);
  return { skipped: false, leads: population.leads.length, events, modelId: trained?.id ?? null, segments: trained?.segments.length ?? 0 };
}

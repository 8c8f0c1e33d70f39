// `node tools/seed-demo.mjs [--leads N] [--seed S]` (after `npm run build`): seeds the demo lead population through
// the API's own services (validation, ingest, scoring, first segment model) into DATABASE_URL. Idempotent: when the
// demo leads and an active model are already there it does nothing. Reads the API's env (DATABASE_URL,
// TEMPORAL_ADDRESS, …) through the API's config loader. Prints one JSON line with what it did.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { loadConfigOrThrow } = require(join(root, 'apps/api/dist/config/app-config.js'));
const { SeedDemoModule, seedDemo } = require(join(root, 'apps/api/dist/segments/seed-demo.js'));
const { LeadsService } = require(join(root, 'apps/api/dist/leads/leads.service.js'));
const { EventsService } = require(join(root, 'apps/api/dist/events/events.service.js'));
const { SegmentModelsService } = require(join(root, 'apps/api/dist/segments/segment-models.service.js'));

const { values } = parseArgs({ options: { leads: { type: 'string', default: '600' }, seed: { type: 'string', default: '7' } } });
const config = loadConfigOrThrow({ LOG_LEVEL: 'warn', ...process.env });
const app = await NestFactory.createApplicationContext(SeedDemoModule.register(config), { logger: ['error', 'warn'] });
try {
  const started = Date.now();
  const summary = await seedDemo(
    { leads: app.get(LeadsService), events: app.get(EventsService), models: app.get(SegmentModelsService) },
    { leads: Number(values.leads), seed: Number(values.seed) },
  );
  process.stdout.write(JSON.stringify({ level: 'info', msg: 'demo seed', ms: Date.now() - started, ...summary }) + '\n');
} finally {
  await app.close();
}

// `node tools/seed-demo.mjs [--leads N] [--seed S] [--users-file F]` (after `npm run build`): seeds the demo through
// the API's own services into DATABASE_URL: a sales org (manager, two teams of reps), the lead population (months of
// history written in event time: validation, ingest, scoring, segment models, conversion propensity), published
// playbooks bound to segments with SLA policies, and their current members enrolled (runs start on Temporal, so a
// worker should be running). Idempotent: what exists is left alone.
// Reads the API's env (DATABASE_URL, TEMPORAL_ADDRESS, …) through the API's config loader. Prints one JSON line with
// what it did; the sign-ins of users it creates go to --users-file (default .segflow/demo-users, mode 600).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { loadConfigOrThrow } = require(join(root, 'apps/api/dist/config/app-config.js'));
const { SeedDemoModule, seedDemo } = require(join(root, 'apps/api/dist/demo/seed-demo.js'));
const { LeadsService } = require(join(root, 'apps/api/dist/leads/leads.service.js'));
const { IngestWriter } = require(join(root, 'apps/api/dist/events/ingest-writer.js'));
const { SegmentModelsService } = require(join(root, 'apps/api/dist/segments/segment-models.service.js'));
const { SegmentsService } = require(join(root, 'apps/api/dist/segments/segments.service.js'));
const { TeamsService } = require(join(root, 'apps/api/dist/teams/teams.service.js'));
const { UsersService } = require(join(root, 'apps/api/dist/users/users.service.js'));
const { RepCalendarService } = require(join(root, 'apps/api/dist/users/rep-calendar.service.js'));
const { PlaybooksService } = require(join(root, 'apps/api/dist/playbooks/playbooks.service.js'));
const { PlaybookLifecycleService } = require(join(root, 'apps/api/dist/playbooks/playbook-lifecycle.service.js'));
const { SlaPoliciesService } = require(join(root, 'apps/api/dist/sla/sla-policies.service.js'));
const { saveDemoUsers } = await import('./lib/demo-users.mjs');

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '600' },
    seed: { type: 'string', default: '7' },
    'users-file': { type: 'string', default: join(root, '.segflow/demo-users') },
  },
});
const config = loadConfigOrThrow({ LOG_LEVEL: 'warn', ...process.env });
const app = await NestFactory.createApplicationContext(SeedDemoModule.register(config), { logger: ['error', 'warn'] });
try {
  const started = Date.now();
  const services = {
    leads: app.get(LeadsService),
    ingest: app.get(IngestWriter),
    models: app.get(SegmentModelsService),
    segments: app.get(SegmentsService),
    teams: app.get(TeamsService),
    users: app.get(UsersService),
    calendars: app.get(RepCalendarService),
    playbooks: app.get(PlaybooksService),
    lifecycle: app.get(PlaybookLifecycleService),
    slaPolicies: app.get(SlaPoliciesService),
  };
  const { summary, credentials } = await seedDemo(services, { leads: Number(values.leads), seed: Number(values.seed) });
  saveDemoUsers(values['users-file'], credentials);
  process.stdout.write(
    JSON.stringify({ level: 'info', msg: 'demo seed', ms: Date.now() - started, ...summary }) + '\n',
  );
} finally {
  await app.close();
}

import { loadConfigOrThrow } from '../config/app-config';
import { runMigrations } from './data-source';

// `node apps/api/dist/database/migrate.js`: what `npm start` runs before the API, so a bad migration stops the start.
async function main(): Promise<void> {
  const { DATABASE_URL } = loadConfigOrThrow(process.env);
  const run = await runMigrations(DATABASE_URL);
  process.stdout.write(JSON.stringify({ level: 'info', msg: 'migrations applied', ...run }) + '\n');
}

main().catch((error: Error) => {
  process.stderr.write(`migration failed: ${error.message}\n`);
  process.exit(1);
});

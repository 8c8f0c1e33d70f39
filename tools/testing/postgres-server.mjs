// A PostgreSQL (tools/lib/postgres.mjs) that a jest spec can restart: jest cannot load the ESM-only binaries package,
// so the spec runs this as a child process. Usage: node postgres-server.mjs <dataDir> <port>. It prints one JSON line
// {"adminUrl"} each time the server is ready; stdin lines "restart" (stop, then start on the same data and port) and
// "stop" control it, and stdin closing stops it too.
import { createInterface } from 'node:readline';
import { startEmbeddedPostgres } from '../lib/postgres.mjs';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !Number(port)) {
  process.stderr.write('usage: node tools/testing/postgres-server.mjs <dataDir> <port>\n');
  process.exit(2);
}
const start = async () => {
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  process.stdout.write(`${JSON.stringify({ adminUrl: server.adminUrl, dataDir: server.dataDir })}\n`);
  return server;
};
let server = await start();
let queue = Promise.resolve();
const stopAndExit = () => (queue = queue.then(() => server.stop()).then(() => process.exit(0)));
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'restart') queue = queue.then(() => server.stop()).then(async () => (server = await start()));
  else if (line === 'stop') stopAndExit();
});
lines.on('close', stopAndExit);

import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { parse, stringify } from 'yaml';
import { ensureGoPrograms } from './go-programs.mjs';
import { ensureDatabase } from './postgres.mjs';
import { freePort, isPortFree } from './ports.mjs';
import { DYNAMIC_CONFIG_FILE, superviseTemporal } from './temporal-server.mjs';

const execFileAsync = promisify(execFile);

/** Built from Go like the CLI; its sql tool carries the matching schemas (schema/postgresql/v12, embedded). */
export const TEMPORAL_SERVER = {
  label: 'the Temporal server',
  version: 'v1.29.1',
  cacheName: 'temporal-server',
  installHint:
    'download temporal-server and temporal-sql-tool from https://github.com/temporalio/temporal/releases/tag/v1.29.1',
  programs: [
    { name: 'temporal-server', pkg: 'go.temporal.io/server/cmd/server', envVar: 'SEGFLOW_TEMPORAL_SERVER' },
    { name: 'temporal-sql-tool', pkg: 'go.temporal.io/server/cmd/tools/sql', envVar: 'SEGFLOW_TEMPORAL_SQL_TOOL' },
  ],
};

export const CONFIG_TEMPLATE = join(import.meta.dirname, '..', 'temporal-server-postgres.yaml');

/** Temporal's two databases on Segflow's PostgreSQL, beside `segflow`, and the embedded schema each gets. */
const DATABASES = { temporal: 'postgresql/v12/temporal', temporal_visibility: 'postgresql/v12/visibility' };

const endpointOf = (adminUrl) => {
  const url = new URL(adminUrl);
  return {
    host: url.hostname,
    port: url.port || '5432',
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
};

async function hasSchemaVersion(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(`SELECT to_regclass('schema_version') IS NOT NULL AS present`)).rows[0].present;
  } finally {
    await client.end();
  }
}

/**
 * Creates Temporal's databases and brings their schemas to the sql tool's version: `setup-schema -v 0.0` only on a
 * database without a schema_version table (a second run would reset it), then the idempotent `update-schema`.
 */
export async function prepareTemporalDatabases({ sqlTool, adminUrl }) {
  const { host, port, user, password } = endpointOf(adminUrl);
  for (const [database, schema] of Object.entries(DATABASES)) {
    await ensureDatabase(adminUrl, database);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    // The password goes in SQL_PASSWORD, the tool's own variable, so it stays out of the process list.
    const tool = (...args) =>
      execFileAsync(
        sqlTool,
        ['--plugin', 'postgres12', '--ep', host, '-p', port, '-u', user, '--db', database, '--quiet', ...args],
        { env: { ...process.env, SQL_PASSWORD: password } },
      ).catch((error) =>
        Promise.reject(
          new Error(`temporal-sql-tool ${args[0]} on ${database} failed: ${error.stderr?.trim() || error.message}`),
        ),
      );
    if (!(await hasSchemaVersion(url.toString()))) await tool('setup-schema', '-v', '0.0');
    await tool('update-schema', '--schema-name', schema);
  }
}

/** The config template with this start's database endpoint, ports and dynamic config file filled in. */
export function temporalServerConfig({
  adminUrl,
  ports,
  template = CONFIG_TEMPLATE,
  dynamicConfigFile = DYNAMIC_CONFIG_FILE,
}) {
  const config = parse(readFileSync(template, 'utf8'));
  const { host, port, user, password } = endpointOf(adminUrl);
  for (const store of Object.values(config.persistence.datastores))
    Object.assign(store.sql, { connectAddr: `${host}:${port}`, user, password });
  for (const [service, rpc] of Object.entries(ports)) Object.assign(config.services[service].rpc, rpc);
  config.clusterMetadata.clusterInformation.active.rpcAddress = `127.0.0.1:${ports.frontend.grpcPort}`;
  config.dynamicConfigClient.filepath = dynamicConfigFile;
  return config;
}

// Temporal stores membership ports in a smallint column (cluster_membership.rpc_port): an ephemeral port above 32767
// stops the server at boot ("out of range for type smallint").
async function freeMembershipPort(taken) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_768);
    if (!taken.has(port) && (await isPortFree(port))) return (taken.add(port), port);
  }
  throw new Error("no free port between 20000 and 32767 for the Temporal server's membership");
}

/** Frontend on `port`; every other gRPC and HTTP port a free one, membership ports free ones below 32768. */
async function servicePorts(port) {
  const ports = {};
  const taken = new Set([port]);
  for (const service of ['frontend', 'history', 'matching', 'worker']) {
    ports[service] = {
      grpcPort: service === 'frontend' ? port : await freePort(),
      membershipPort: await freeMembershipPort(taken),
    };
  }
  ports.frontend.httpPort = await freePort();
  return ports;
}

/** Registers the `default` namespace (start-dev has it built in) and waits until the frontend serves it. */
async function ensureDefaultNamespace(cli, address) {
  const temporal = (...args) => execFileAsync(cli, [...args, '--address', address, '--namespace', 'default']);
  await temporal('operator', 'namespace', 'describe').catch(() =>
    temporal('operator', 'namespace', 'create', '--retention', '72h').catch((error) => {
      if (!/already (exists|registered)/i.test(String(error.stderr))) throw error;
    }),
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await temporal('workflow', 'count');
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`namespace default not served on ${address}: ${String(error.stderr).trim()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/**
 * Starts the Temporal server (all four services in one process) on PostgreSQL at adminUrl, in its own databases
 * `temporal` and `temporal_visibility`: builds or finds the binaries, prepares the schemas, writes its config into
 * stateDir and waits until the `default` namespace is served. `cli` (the Temporal CLI) registers the namespace.
 */
export async function startTemporalPostgresServer({ cli, adminUrl, port, stateDir, logFile }) {
  const binaries = await ensureGoPrograms(TEMPORAL_SERVER);
  await prepareTemporalDatabases({ sqlTool: binaries['temporal-sql-tool'], adminUrl });
  const configDir = join(stateDir, 'temporal-server-config');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    join(configDir, 'segflow.yaml'),
    stringify(temporalServerConfig({ adminUrl, ports: await servicePorts(port) })),
    { mode: 0o600 },
  );
  const args = ['--root', configDir, '--config', '.', '--env', 'segflow', '--allow-no-auth', 'start'];
  const child = spawn(binaries['temporal-server'], args, {
    stdio: ['ignore', logFile ?? 'ignore', logFile ?? 'inherit'],
  });
  const server = await superviseTemporal(child, port, 'Temporal server (PostgreSQL)');
  try {
    await ensureDefaultNamespace(cli, server.address);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

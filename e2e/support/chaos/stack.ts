import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { ensureDatabase } from '../../../tools/lib/postgres.mjs';
import { startSmtpSink } from '../../../tools/testing/smtp-sink.mjs';
import { ApiProcess, ApiRequest, ProcessTarget, startApiProcess, startWorkerProcess } from '../api-process';
import { FaultProxy, startFaultProxy } from '../fault-proxy';
import { ChaosServices } from './services';

/** Interpreter minutes per real second: the playbook's 5-minute wait takes 5 s. */
export const CHAOS_TIME_SCALE = 60;
/** How long a client (the traffic, the probes) keeps retrying one request through faults before it gives up. */
const REQUEST_PATIENCE_MS = 120_000;
const REQUEST_TIMEOUT_MS = 15_000;
/** A (re)started API's boot, migrations and first healthy answer; minutes on a 2-core machine under other load. */
const API_BOOT_LIMIT_MS = 180_000;

/**
 * The product as processes (built API, built worker) on `services`, the API reaching PostgreSQL and the worker
 * reaching Temporal through fault proxies, email going to an SMTP sink that counts Message-IDs.
 */
export interface ChaosStack {
  services: ChaosServices;
  databaseUrl: string;
  taskQueue: string;
  /** Direct to PostgreSQL (not through the proxy): probes and the audit. */
  pool: Pool;
  /** The current API process; retries through its restarts and faults like a client with a retry policy. */
  request: ApiRequest;
  apiToPostgres: FaultProxy;
  workerToTemporal: FaultProxy;
  /** Message-ID → when the SMTP server accepted it (epoch ms, one entry per copy). */
  receivedMessageIds: Map<string, number[]>;
  killApi(): Promise<void>;
  startApi(): Promise<void>;
  killWorker(): Promise<void>;
  startWorker(): void;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startChaosStack(name: string, services: ChaosServices): Promise<ChaosStack> {
  const database = `${name}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(services.adminUrl, database);
  const direct = new URL(services.adminUrl);
  direct.pathname = `/${database}`;
  const databaseUrl = direct.toString();
  const apiToPostgres = await startFaultProxy(direct.host);
  const workerToTemporal = await startFaultProxy(services.temporalAddress);
  const proxied = new URL(databaseUrl);
  proxied.host = apiToPostgres.address;

  const receivedMessageIds = new Map<string, number[]>();
  const sink = await startSmtpSink({
    onMessageId: (id) => receivedMessageIds.set(id, [...(receivedMessageIds.get(id) ?? []), Date.now()]),
  });
  const target: ProcessTarget = { name, databaseUrl, taskQueue: `${name}-${randomBytes(4).toString('hex')}` };
  const apiEnv = {
    DATABASE_URL: proxied.toString(),
    TEMPORAL_ADDRESS: services.temporalAddress,
    PLAYBOOK_TIME_SCALE: String(CHAOS_TIME_SCALE),
    OUTBOX_POLL_MS: '100',
  };
  const workerEnv = { TEMPORAL_ADDRESS: workerToTemporal.address, SMTP_URL: sink.url };

  let api: ApiProcess | null = await startApiProcess(target, apiEnv, API_BOOT_LIMIT_MS);
  let worker = startWorkerProcess(target, workerEnv);
  const pool = new Pool({ connectionString: databaseUrl, max: 3 });
  // A PostgreSQL restart ends idle pooled connections; the pool drops them and the next query reconnects.
  pool.on('error', () => {});

  const request: ApiRequest = async (method, url, body) => {
    const deadline = Date.now() + REQUEST_PATIENCE_MS;
    let last = '';
    for (;;) {
      try {
        if (!api) throw new Error('the API is down');
        const response = await withTimeout(api.request(method, url, body), REQUEST_TIMEOUT_MS);
        if (response.status < 500) return response;
        last = `HTTP ${response.status} ${JSON.stringify(response.body)}`;
      } catch (error) {
        last = (error as Error).message;
      }
      if (Date.now() > deadline)
        throw new Error(`${method} ${url}: no success within ${REQUEST_PATIENCE_MS} ms (last: ${last})`);
      await sleep(250);
    }
  };

  return {
    services,
    databaseUrl,
    taskQueue: target.taskQueue,
    pool,
    request,
    apiToPostgres,
    workerToTemporal,
    receivedMessageIds,
    killApi: async () => {
      const dying = api;
      api = null;
      await dying?.kill('SIGKILL');
    },
    startApi: async () => {
      api = await startApiProcess(target, apiEnv, API_BOOT_LIMIT_MS);
    },
    killWorker: () => worker.stop('SIGKILL'),
    startWorker: () => {
      worker = startWorkerProcess(target, workerEnv);
    },
    stop: async () => {
      // Throw-away processes: a graceful stop would wait for whatever the last fault left in flight.
      await Promise.all([api?.kill('SIGKILL'), worker.stop('SIGKILL')]);
      await Promise.all([pool.end(), apiToPostgres.close(), workerToTemporal.close(), sink.stop()]);
    },
  };
}

import type { ChaosStack } from './stack';

/**
 * One fault: injected once `moment` holds (the state it should hit, e.g. a delivery in flight; after `MOMENT_WAIT_MS`
 * it is injected anyway and the report says so), held for `holdMs`, then repaired.
 */
export interface Fault {
  name: string;
  /** The moment it aims at, as the report states it. */
  moment: string;
  /** SQL returning one row `{ hit: boolean }` when the moment is now. */
  momentSql: string;
  holdMs: number;
  /** Needs PostgreSQL / Temporal instances this run started itself (and may restart). */
  needsOwnServices?: boolean;
  /**
   * Can land between the relay accepting a message and the worker recording it `sent` (the README's "crash window"),
   * so the retry sends the same message again under its Message-ID.
   */
  opensCrashWindow?: boolean;
  inject(stack: ChaosStack): Promise<void>;
  repair(stack: ChaosStack): Promise<void>;
}

const DELIVERY_IN_FLIGHT = `SELECT EXISTS (SELECT 1 FROM runs r WHERE r.status = 'active' AND NOT EXISTS (SELECT 1 FROM touches t WHERE t.run_id = r.id AND t.status = 'sent')) AS hit`;
const OUTBOX_PENDING = `SELECT EXISTS (SELECT 1 FROM outbox WHERE dispatched_at IS NULL) AS hit`;
const RUNS_WAITING = `SELECT EXISTS (SELECT 1 FROM runs WHERE status = 'active' AND current_node_id = 'pause') AS hit`;
// Posting events always has a flush in flight or about to be: the traffic never pauses.
const TRAFFIC_FLOWING = `SELECT true AS hit`;

const restartOrThrow = (restart: (() => Promise<void>) | undefined, what: string) => {
  if (!restart) throw new Error(`${what} restart needs instances this run started (ownServices)`);
  return restart();
};

export const FAULTS: Record<string, Fault> = {
  workerKill: {
    name: 'SIGKILL worker mid-activity',
    moment: 'a run whose first touch is not yet sent',
    momentSql: DELIVERY_IN_FLIGHT,
    holdMs: 1_000,
    opensCrashWindow: true,
    inject: (s) => s.killWorker(),
    repair: async (s) => s.startWorker(),
  },
  apiKill: {
    name: 'SIGKILL API mid-delivery',
    moment: 'outbox rows not yet dispatched',
    momentSql: OUTBOX_PENDING,
    holdMs: 0,
    inject: (s) => s.killApi(),
    repair: (s) => s.startApi(),
  },
  apiPostgresPartition: {
    name: 'partition API ↔ PostgreSQL',
    moment: 'events flowing',
    momentSql: TRAFFIC_FLOWING,
    holdMs: 8_000,
    inject: async (s) => s.apiToPostgres.partition(),
    repair: async (s) => s.apiToPostgres.heal(),
  },
  workerTemporalPartition: {
    name: 'partition worker ↔ Temporal',
    moment: 'runs waiting on a timer',
    momentSql: RUNS_WAITING,
    holdMs: 8_000,
    inject: async (s) => s.workerToTemporal.partition(),
    repair: async (s) => s.workerToTemporal.heal(),
  },
  postgresRestartFlush: {
    name: 'PostgreSQL restart during a flush',
    moment: 'events flowing',
    momentSql: TRAFFIC_FLOWING,
    holdMs: 0,
    needsOwnServices: true,
    opensCrashWindow: true,
    inject: (s) => restartOrThrow(s.services.restartPostgres, 'PostgreSQL'),
    repair: async () => {},
  },
  postgresRestartClaim: {
    name: 'PostgreSQL restart during an outbox claim',
    moment: 'outbox rows not yet dispatched',
    momentSql: OUTBOX_PENDING,
    holdMs: 0,
    needsOwnServices: true,
    opensCrashWindow: true,
    inject: (s) => restartOrThrow(s.services.restartPostgres, 'PostgreSQL'),
    repair: async () => {},
  },
  temporalRestart: {
    name: 'Temporal restart (SQLite kept) during deliveries and waits',
    moment: 'runs waiting on a timer',
    momentSql: RUNS_WAITING,
    holdMs: 0,
    needsOwnServices: true,
    inject: (s) => restartOrThrow(s.services.restartTemporal, 'Temporal'),
    repair: async () => {},
  },
};

import { z } from 'zod';
import { DEFAULT_TASK_QUEUE } from '@segflow/workflow-contracts';

const port = z.coerce.number().int().min(1).max(65535);

/** Every environment variable the API reads, with its default. The README's configuration table mirrors it. */
export const appConfigSchema = z.object({
  DATABASE_URL: z.string().url().refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: port.default(3000),
  /** Connections per API process; ingest lanes, the outbox dispatcher's deliveries and requests share them. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(4).max(200).default(20),
  /** Longest wait for a pooled connection (opening one, or a free one of a full pool) before the request fails. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * PostgreSQL statement_timeout of the API's pooled statements (0 = none). Migrations run on their own connection
   * without it, and a segment retrain reads and writes on its worker thread's own connection.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** PostgreSQL idle_in_transaction_session_timeout of the pooled connections (0 = none): ends a transaction a stuck request left open. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default(DEFAULT_TASK_QUEUE),
  TEMPORAL_UI_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Interpreter minutes per real minute for playbook runs; 1 in production, >1 only for tests and demos. */
  PLAYBOOK_TIME_SCALE: z.coerce.number().min(1).max(10_000).default(1),
  /** `off` stops this process from dispatching the outbox (e.g. tests that inspect undelivered rows). */
  OUTBOX_DISPATCHER: z.enum(['on', 'off']).default('on'),
  /** Safety poll of the outbox dispatcher; commits wake it at once through LISTEN/NOTIFY, this only catches a missed one. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(2_000),
  /** Days a delivered outbox row is kept (for troubleshooting) before the hourly prune deletes it; undelivered rows stay. */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  /**
   * Events of POST /api/events that may wait for a flush in one API process; a batch beyond it is refused whole with
   * 429 + Retry-After (nothing stored). At least one full batch, so an idle queue takes any valid request.
   */
  INGEST_MAX_QUEUED_EVENTS: z.coerce.number().int().min(5_000).max(1_000_000).default(50_000),
  /** An event for an unknown leadExternalId: `reject` it (per-item error) or create a `stub` lead with only that id. */
  EVENTS_UNKNOWN_LEAD: z.enum(['reject', 'stub']).default('reject'),
  /** Comma-separated regular expressions (tested on the lower-cased URL) marking pricing pages; default: libs/scoring's. */
  PRICING_PAGE_PATTERNS: z.string().optional(),
  /** Relative hysteresis margin of real-time segment assignment: switch only if another centroid is this much closer. */
  SEGMENT_HYSTERESIS: z.coerce.number().min(0).max(0.9).default(0.1),
  /** Max distance (standardised units) between a retrained centroid and a segment's for it to keep the segment's id. */
  SEGMENT_MATCH_MAX_DISTANCE: z.coerce.number().positive().default(1.5),
  /** The first admin, created at boot when there is no user at all. */
  SEGFLOW_ADMIN_EMAIL: z.string().email().default('admin@segflow.local'),
  /** Password of the first admin; when unset a random one is generated and printed once. */
  SEGFLOW_ADMIN_PASSWORD: z.string().min(8).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Mark the session cookie `Secure` (set when the API is served over HTTPS). */
  SESSION_COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  AUTH_BCRYPT_ROUNDS: z.coerce.number().int().min(4).max(15).default(10),
  /** Failed sign-ins allowed per email, and per client IP, inside the window before 429 (per API instance). */
  AUTH_SIGN_IN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  AUTH_SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
  AUTH_SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(900),
  // Below a minute so API keys' last_used_at (refreshed on a cache miss) keeps its one-minute precision.
  AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(59).default(5),
  /**
   * How long a refused token or key (unknown, expired, revoked) is refused from memory without a database lookup
   * (0 = off). Safe at any length: tokens are random, so one refused now can never become valid later.
   */
  AUTH_REFUSED_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Take the client IP from X-Forwarded-For (set when the API sits behind a reverse proxy), for the per-IP limit. */
  API_TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** How often the SLA breach check runs. */
  SLA_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

/** Injection token of the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Validates the environment once at boot; the error names each bad variable and why. */
export function loadConfigOrThrow(env: Record<string, string | undefined>): AppConfig {
  const parsed = appConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`invalid configuration: ${problems}`);
}

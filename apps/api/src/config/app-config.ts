import { z } from 'zod';
import { DEFAULT_TASK_QUEUE } from '@segflow/workflow-contracts';
import { trustProxySchema } from './trust-proxy';
import { hhMmSchema, timeZoneSchema } from '@segflow/sla';
import { EVENT_TYPES } from '@segflow/events';
import { CALIBRATION_METHODS } from '@segflow/scoring';

const port = z.coerce.number().int().min(1).max(65535);

/** Every environment variable the API reads, with its default. The README's configuration table mirrors it. */
export const appConfigSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .url()
      .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL'),
    API_HOST: z.string().default('127.0.0.1'),
    API_PORT: port.default(3000),
    /**
     * API processes serving API_PORT together (node:cluster hands them connections in turn); each runs the migrations
     * under an advisory lock before it serves, so only the first applies them.
     */
    API_REPLICAS: z.coerce.number().int().min(1).max(32).default(1),
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
    /** OTLP/HTTP base URL (e.g. http://collector:4318); spans go to `<url>/v1/traces`. Unset: tracing off, no SDK loaded. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http(s):// URL (OTLP over HTTP, usually port 4318)')
      .optional(),
    /** Only OTLP over HTTP with JSON bodies is exported: another protocol is refused rather than silently ignored. */
    OTEL_EXPORTER_OTLP_PROTOCOL: z
      .string()
      .refine((p) => p === 'http/json', 'only http/json is supported (OTLP over HTTP with JSON bodies)')
      .optional(),
    OTEL_SERVICE_NAME: z.string().min(1).max(200).default('segflow-api'),
    /** Interpreter minutes per real minute for playbook runs; 1 in production, >1 only for tests and demos. */
    PLAYBOOK_TIME_SCALE: z.coerce.number().min(1).max(10_000).default(1),
    /** `off` stops this process from dispatching the outbox (e.g. tests that inspect undelivered rows). */
    OUTBOX_DISPATCHER: z.enum(['on', 'off']).default('on'),
    /** Safety poll of the outbox dispatcher; commits wake it at once through LISTEN/NOTIFY, this only catches a missed one. */
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(2_000),
    /** Days a delivered outbox row is kept (for troubleshooting) before the hourly prune deletes it; undelivered rows stay. */
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    /**
     * Days raw events are kept (off when unset): older ones are deleted hourly, except replies, meetings and purchases,
     * which dashboards count and which only lose their properties. Features and aggregates stay.
     */
    EVENT_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).optional(),
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
    /**
     * How often (ms) each API process re-evaluates every lead against the rule segments whose conditions count events
     * in a window, so a lead whose window expired without a new event moves; 0 = never. Nothing runs without such rules.
     */
    RULE_SEGMENT_SWEEP_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
    /** Max distance (standardised units) between a retrained centroid and a segment's for it to keep the segment's id. */
    SEGMENT_MATCH_MAX_DISTANCE: z.coerce.number().positive().default(1.5),
    /**
     * When a Temporal schedule retrains the segment model (the result is a candidate; approval stays manual): `weekly`
     * (Mondays 03:00), a five-field cron expression, or `off` (the API deletes its schedule).
     */
    RETRAIN_SCHEDULE: z
      .string()
      .trim()
      .refine(
        (v) => v === 'weekly' || v === 'off' || /^\S+( \S+){4}$/.test(v),
        'must be weekly, off, or a five-field cron expression (minute hour day-of-month month day-of-week)',
      )
      .default('weekly'),
    /** IANA zone RETRAIN_SCHEDULE's times are read in (DST-aware). */
    RETRAIN_SCHEDULE_TIMEZONE: timeZoneSchema.default('UTC'),
    /** The event type that counts as a conversion for the propensity model (trained with each segment model). */
    PROPENSITY_GOAL_EVENT: z.enum(EVENT_TYPES).default('purchase'),
    /** A segment entry converts when a goal event follows within this many days. */
    PROPENSITY_HORIZON_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** The latest this many closed segment entries train the propensity model (bounds the retrain's read and memory). */
    PROPENSITY_MAX_ENTRIES: z.coerce.number().int().min(100).max(200_000).default(20_000),
    /** How the propensity model's log-odds become probabilities: Platt scaling or isotonic regression. */
    PROPENSITY_CALIBRATION: z.enum(CALIBRATION_METHODS).default('platt'),
    /** The first admin, created at boot when there is no user at all. */
    SEGFLOW_ADMIN_EMAIL: z.string().email().default('admin@segflow.local'),
    /** Password of the first admin; required while there is no user (npm start generates one), never logged. */
    SEGFLOW_ADMIN_PASSWORD: z.string().min(8).optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    /** Mark the session cookie `Secure`: set whenever browsers reach Segflow over HTTPS, e.g. behind a TLS proxy. */
    SESSION_COOKIE_SECURE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** log2 of scrypt's N for password hashes (memory 128·N·8 bytes: 32 MiB at 15); raising it rehashes at next sign-in. */
    AUTH_SCRYPT_COST: z.coerce.number().int().min(10).max(20).default(15),
    /** Failed sign-ins allowed per email, and per client IP, inside the window before 429 (shared by all replicas). */
    AUTH_SIGN_IN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
    AUTH_SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
    /** Requests per client IP per minute on the public link routes (/u, /t/c, /t/o), per API process. */
    PUBLIC_LINK_MAX_PER_MINUTE: z.coerce.number().int().min(10).max(100_000).default(300),
    AUTH_SIGN_IN_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 3600)
      .default(900),
    // Below a minute so API keys' last_used_at (refreshed on a cache miss) keeps its one-minute precision.
    AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(59).default(5),
    /**
     * How long a refused token or key (unknown, expired, revoked) is refused from memory without a database lookup
     * (0 = off). Safe at any length: tokens are random, so one refused now can never become valid later.
     */
    AUTH_REFUSED_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    /** Whose X-Forwarded-For names the client (for the per-IP sign-in limit): `false`, a hop count, or proxy addresses/CIDRs. */
    API_TRUST_PROXY: trustProxySchema,
    /**
     * Origins (scheme://host[:port], comma-separated) besides the API's own host from which a cookie-signed-in browser
     * may send a non-JSON state-changing request (e.g. a web app served from another host).
     */
    API_ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .refine(
              (o) => URL.canParse(o) && new URL(o).origin === o,
              'each entry must be an origin such as https://app.example.com',
            ),
        ),
      ),
    /**
     * Workspace-wide quiet hours `HH:MM-HH:MM` in each lead's zone (may wrap midnight), for playbooks that set none;
     * unset or `off`: none. Captured when a run starts.
     */
    QUIET_HOURS_DEFAULT: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === '' || value === 'off') return null;
        const [start, end, ...rest] = value.split('-');
        if (!rest.length && hhMmSchema.safeParse(start).success && hhMmSchema.safeParse(end).success)
          return { start: start!, end: end! };
        ctx.addIssue({ code: 'custom', message: 'expected HH:MM-HH:MM such as 21:00-09:00, or off' });
        return z.NEVER;
      }),
    /** Bearer token GET /metrics requires (`Authorization: Bearer <token>`); unset, /metrics answers anyone who reaches it. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** How often the SLA breach check runs. */
    SLA_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
    /** Key of the HMAC that signs unsubscribe/click/open links and reply addresses; the worker must have the same. */
    SEGFLOW_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** SMTP relay (`smtp://user:pass@host:587`, `smtps://…`) the Mail page's "reply as the lead" sends through. */
    SMTP_URL: z
      .string()
      .url()
      .refine((u) => /^smtps?:\/\//.test(u), 'must be an smtp:// or smtps:// URL')
      .optional(),
    /** Domain of reply addresses (`reply+<token>@…`): its MX points at the embedded SMTP server or an inbound-parse service. */
    INBOUND_EMAIL_DOMAIN: z
      .string()
      .min(1)
      .regex(/^[a-z0-9.-]+$/i, 'must be a domain name')
      .default('reply.segflow.local'),
    /** Shared secret of POST /api/inbound/email (`Authorization: Bearer <secret>`); unset, that endpoint refuses everything. */
    INBOUND_EMAIL_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Port of the embedded SMTP server (on API_HOST) that receives inbound mail; unset, none runs; 0 picks a free port. */
    INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** `on`: the embedded SMTP server also accepts mail to any other domain and keeps it in the sandbox mailbox (never relays). */
    MAIL_SANDBOX: z.enum(['on', 'off']).default('off'),
    /** App secret of the Meta app: POST /api/webhooks/whatsapp verifies X-Hub-Signature-256 with it (401 when unset). */
    WHATSAPP_APP_SECRET: z.string().min(8).optional(),
    /** What Meta's webhook set-up sends as `hub.verify_token`; the GET handshake answers 403 when unset. */
    WHATSAPP_VERIFY_TOKEN: z.string().min(8).optional(),
    /**
     * `on` serves the WhatsApp sandbox (the Cloud API's messages contract at /api/sandbox/whatsapp, signed webhooks
     * back to this API, the conversation page); it accepts WHATSAPP_ACCESS_TOKEN for WHATSAPP_PHONE_NUMBER_ID.
     */
    WHATSAPP_SANDBOX: z.enum(['on', 'off']).default('off'),
    WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
    WHATSAPP_PHONE_NUMBER_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a phone number id from WhatsApp Manager')
      .optional(),
  })
  .refine(
    (c) =>
      c.WHATSAPP_SANDBOX === 'off' ||
      Boolean(c.WHATSAPP_APP_SECRET && c.WHATSAPP_ACCESS_TOKEN && c.WHATSAPP_PHONE_NUMBER_ID),
    {
      path: ['WHATSAPP_SANDBOX'],
      message: 'the sandbox needs WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID',
    },
  );

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

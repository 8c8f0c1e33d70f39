import { z } from 'zod';
import { DEFAULT_TASK_QUEUE } from '@segflow/workflow-contracts';

/**
 * Frames of a stack the workflow threads capture. The SDK's promise hook captures and source-maps a stack for every
 * promise workflow code creates, for the `__stack_trace` query: at the default 10 frames that was a quarter of the
 * worker's CPU under bench/segment-to-run. 0 turns it off (the query answers empty and errors thrown in workflow
 * code keep their message but no stack); raise it while debugging a workflow.
 */
export const DEFAULT_WORKFLOW_STACK_TRACE_LIMIT = 0;

/**
 * Meta's Graph API with a pinned version. v25.0 (February 2026) is supported until July 2028; v21.0 expires in
 * January 2027. v26.0 (July 2026) is the newest at the time of writing.
 */
export const DEFAULT_WHATSAPP_API_URL = 'https://graph.facebook.com/v25.0';

const DOMAIN = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Every environment variable the worker reads, with its default. */
export const workerConfigSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .url()
      .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL'),
    /** Longest wait for a pooled connection before an activity attempt fails (and Temporal retries it). */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** PostgreSQL statement_timeout of the worker's statements (0 = none); activities run short statements. */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    /** PostgreSQL idle_in_transaction_session_timeout of the worker's connections (0 = none). */
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().default('default'),
    TEMPORAL_TASK_QUEUE: z.string().default(DEFAULT_TASK_QUEUE),
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
    OTEL_SERVICE_NAME: z.string().min(1).max(200).default('segflow-worker'),
    WORKFLOW_STACK_TRACE_LIMIT: z.coerce.number().int().min(0).max(100).default(DEFAULT_WORKFLOW_STACK_TRACE_LIMIT),
    /** Graph API base with its pinned version; `npm start` points it at the API's sandbox when no token is set. */
    WHATSAPP_API_URL: z.string().url().default(DEFAULT_WHATSAPP_API_URL),
    /** The sending number's id in Meta's WhatsApp Manager; with the token it turns WhatsApp sending on. */
    WHATSAPP_PHONE_NUMBER_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a phone number id from WhatsApp Manager')
      .optional(),
    WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
    // Email: without SMTP_URL the worker starts, and email touches wait (retried) until one is configured.
    SMTP_URL: z
      .string()
      .url()
      .refine((u) => /^smtps?:\/\//.test(u), 'must be an smtp:// or smtps:// URL')
      .optional(),
    SEGFLOW_SECRET: z.string().min(16, 'at least 16 characters').optional(),
    PUBLIC_URL: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http(s):// URL')
      .transform((u) => u.replace(/\/+$/, ''))
      .default('http://127.0.0.1:3000'),
    EMAIL_FROM_DOMAIN: z.string().regex(DOMAIN, 'must be a domain name').default('segflow.local'),
    INBOUND_EMAIL_DOMAIN: z.string().regex(DOMAIN, 'must be a domain name').default('reply.segflow.local'),
    EMAIL_DKIM_SELECTOR: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*$/, 'must be a DNS label')
      .optional(),
    EMAIL_DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
    EMAIL_TRACK_OPENS: z.enum(['on', 'off']).default('off'),
    EMAIL_MAX_PER_SECOND: z.coerce.number().positive().max(10_000).default(10),
    WHATSAPP_MAX_PER_SECOND: z.coerce.number().positive().max(10_000).default(20),
    /** Port of the worker's GET /metrics (activity latency, send results) and GET /health; unset, none is served. */
    WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** Interface that port listens on; 0.0.0.0 for a Prometheus on another host. */
    WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    /** host:port where the Temporal SDK serves its own metrics for Prometheus (e.g. 0.0.0.0:9464); unset, off. */
    TEMPORAL_METRICS_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d{1,5}$/, 'host:port such as 0.0.0.0:9464')
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (Boolean(c.WHATSAPP_PHONE_NUMBER_ID) !== Boolean(c.WHATSAPP_ACCESS_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: ['WHATSAPP_ACCESS_TOKEN'],
        message:
          'set WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID together (or neither: WhatsApp touches are then only recorded)',
      });
    }
    if (c.SMTP_URL && !c.SEGFLOW_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['SEGFLOW_SECRET'],
        message: 'required with SMTP_URL (it signs the links and reply addresses of every email)',
      });
    if (!c.EMAIL_DKIM_SELECTOR !== !c.EMAIL_DKIM_PRIVATE_KEY_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: [c.EMAIL_DKIM_SELECTOR ? 'EMAIL_DKIM_PRIVATE_KEY_FILE' : 'EMAIL_DKIM_SELECTOR'],
        message: 'EMAIL_DKIM_SELECTOR and EMAIL_DKIM_PRIVATE_KEY_FILE go together',
      });
    }
  });

export type WorkerConfig = z.infer<typeof workerConfigSchema>;

/** Validates the environment once at boot; the error names each bad variable and why. */
export function loadWorkerConfigOrThrow(env: Record<string, string | undefined>): WorkerConfig {
  const parsed = workerConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new Error(
    `invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}

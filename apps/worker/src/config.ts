import { z } from 'zod';
import { DEFAULT_TASK_QUEUE } from '@segflow/workflow-contracts';

/**
 * Frames of a stack the workflow threads capture. The SDK's promise hook captures and source-maps a stack for every
 * promise workflow code creates, for the `__stack_trace` query: at the default 10 frames that was a quarter of the
 * worker's CPU under bench/segment-to-run. 0 turns it off (the query answers empty and errors thrown in workflow
 * code keep their message but no stack); raise it while debugging a workflow.
 */
export const DEFAULT_WORKFLOW_STACK_TRACE_LIMIT = 0;

/** Every environment variable the worker reads, with its default. */
export const workerConfigSchema = z.object({
  DATABASE_URL: z.string().url().refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL'),
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
  WORKFLOW_STACK_TRACE_LIMIT: z.coerce.number().int().min(0).max(100).default(DEFAULT_WORKFLOW_STACK_TRACE_LIMIT),
});

export type WorkerConfig = z.infer<typeof workerConfigSchema>;

/** Validates the environment once at boot; the error names each bad variable and why. */
export function loadWorkerConfigOrThrow(env: Record<string, string | undefined>): WorkerConfig {
  const parsed = workerConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

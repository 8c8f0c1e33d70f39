import { z } from 'zod';
import { DEFAULT_TASK_QUEUE } from '@segflow/workflow-contracts';

const port = z.coerce.number().int().min(1).max(65535);

/** Every environment variable the API reads, with its default. The README's configuration table mirrors it. */
export const appConfigSchema = z.object({
  DATABASE_URL: z.string().url().refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: port.default(3000),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default(DEFAULT_TASK_QUEUE),
  TEMPORAL_UI_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
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

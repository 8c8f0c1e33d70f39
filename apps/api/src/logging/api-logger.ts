import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { activeTraceFields } from '../tracing/trace-context';

/**
 * The API's one logger: JSON lines `{ level, time, service, pid, msg, … }` — the worker's shape — with `trace_id` on
 * lines written inside a traced span. Fastify logs through it (its request loggers add `reqId`) and so does Nest
 * ({@link PinoNestLogger}). Written through `process.stdout` (not pino's own fd writer), so a process that captures its
 * stdout sees every line.
 *
 * @example
 * const logger = createApiLogger(config.LOG_LEVEL);
 */
export function createApiLogger(
  level: AppConfig['LOG_LEVEL'],
  destination: DestinationStream = process.stdout,
): Logger {
  return pino(
    {
      level,
      base: { service: 'api', pid: process.pid },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: activeTraceFields,
    },
    destination,
  );
}

import { pino, stdTimeFunctions, type DestinationStream, type Level, type Logger } from 'pino';

/**
 * The worker's one logger: JSON lines `{ level, time, service, pid, msg, … }`, the API's shape. The Temporal SDK logs
 * through it ({@link temporalLoggerOver}), so activity lines carry `workflowId`, `workflowRunId`, `activityType` and
 * Segflow's `runId` / `leadId`. Written through `process.stdout`, so a process capturing stdout sees every line.
 *
 * @example
 * const logger = createWorkerLogger(config.LOG_LEVEL);
 */
export function createWorkerLogger(level: Level, destination: DestinationStream = process.stdout): Logger {
  return pino(
    {
      level,
      base: { service: 'worker', pid: process.pid },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

import type { Logger as TemporalLogger, LogLevel, LogMetadata } from '@temporalio/worker';
import type { Level, Logger } from 'pino';

const LEVELS: Record<LogLevel, Level> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/**
 * The Temporal SDK's logger (Runtime.install({ logger })) writing to the worker's pino logger: core, worker, workflow
 * and activity lines in one shape. Temporal's metadata becomes fields, with two renames: a workflow's Temporal `runId`
 * becomes `workflowRunId` (as activity lines name it), leaving `runId` to mean Segflow's run; `error` becomes `err`,
 * which pino serialises with its stack. The task token is dropped (long and useless in a log).
 *
 * @example
 * Runtime.install({ logger: temporalLoggerOver(createWorkerLogger('info')) });
 */
export function temporalLoggerOver(logger: Logger): TemporalLogger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const to = LEVELS[level];
    if (logger.isLevelEnabled(to)) logger[to](fieldsOf(meta ?? {}), message);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}

function fieldsOf(meta: LogMetadata): Record<string, unknown> {
  const { taskToken: _token, error, ...fields } = meta as Record<string, unknown>;
  // Workflow lines (workflowLogAttributes) carry Temporal's run id as `runId`; activity lines call it workflowRunId.
  if ('workflowType' in fields && 'runId' in fields && !('workflowRunId' in fields)) {
    const { runId, ...rest } = fields;
    return { ...rest, workflowRunId: runId, ...(error === undefined ? {} : { err: error }) };
  }
  return error === undefined ? fields : { ...fields, err: error };
}

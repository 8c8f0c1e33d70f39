import type { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** What one deliverTouch attempt came to: sent, refused for good (consent, address, provider), or an error Temporal retries. */
export type SendResult = 'sent' | 'refused' | 'error';

// Activities take milliseconds (database writes) to tens of seconds (a slow SMTP relay).
const ACTIVITY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The worker's own metrics (activity latency, send results) and when it last ran an activity, for its /health. */
export interface WorkerMetrics {
  registry: Registry;
  /** Worker interceptor that observes every activity attempt. */
  activityInterceptor: ActivityInterceptorsFactory;
  /** When the last activity attempt ended, or null before the first. */
  lastActivityAt(): Date | null;
}

/**
 * One registry per worker process (tests create their own).
 *
 * @example
 * const metrics = createWorkerMetrics();
 * await createWorker({ ..., metrics });
 */
export function createWorkerMetrics(now: () => Date = () => new Date()): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const latency = new Histogram({
    name: 'segflow_worker_activity_duration_seconds',
    help: 'Duration of one activity attempt, by activity type and outcome (completed, failed)',
    labelNames: ['activity', 'outcome'] as const,
    buckets: ACTIVITY_BUCKETS_SECONDS,
    registers: [registry],
  });
  const sends = new Counter({
    name: 'segflow_worker_sends_total',
    help: 'deliverTouch attempts, by channel and result (sent, refused, error)',
    labelNames: ['channel', 'result'] as const,
    registers: [registry],
  });
  let last: Date | null = null;

  const activityInterceptor: ActivityInterceptorsFactory = (ctx: Context) => ({
    inbound: {
      async execute(input, next) {
        const activity = ctx.info.activityType;
        const end = latency.startTimer({ activity });
        const channel = activity === 'deliverTouch' ? channelOf(input.args[0]) : null;
        try {
          const result = await next(input);
          end({ outcome: 'completed' });
          if (channel) sends.inc({ channel, result: isRefusal(result) ? 'refused' : 'sent' });
          return result;
        } catch (error) {
          end({ outcome: 'failed' });
          if (channel)
            sends.inc({
              channel,
              result: error instanceof ApplicationFailure && error.nonRetryable ? 'refused' : 'error',
            });
          throw error;
        } finally {
          last = now();
        }
      },
    },
  });
  return { registry, activityInterceptor, lastActivityAt: () => last };
}

function channelOf(input: unknown): string {
  const channel = (input as { command?: { channel?: unknown } } | undefined)?.command?.channel;
  return typeof channel === 'string' ? channel : 'unknown';
}

// deliverTouch answers a recorded refusal (from an earlier attempt) as { kind: 'failed' }.
function isRefusal(result: unknown): boolean {
  return (result as { kind?: unknown } | null)?.kind === 'failed';
}

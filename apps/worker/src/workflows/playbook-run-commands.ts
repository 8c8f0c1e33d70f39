import { ActivityFailure, patched, proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { Command, CommandResult, LeadContext, RunState } from '@segflow/playbook';
import { channelTaskQueue } from '@segflow/workflow-contracts';
import type { PlaybookRunActivities } from '../activities/playbook-run.activities';

const ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  // Transient failures (database or provider hiccups) retry with backoff; permanent ones are non-retryable.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
} as const;

const activities = proxyActivities<PlaybookRunActivities>(ACTIVITY_OPTIONS);

/** The deliveries of a channel, on its own task queue (whose workers hold the channel's send rate). */
function channelActivities(channel: 'email' | 'whatsapp') {
  return proxyActivities<PlaybookRunActivities>({
    ...ACTIVITY_OPTIONS,
    taskQueue: channelTaskQueue(workflowInfo().taskQueue, channel),
  });
}

const localActivities = proxyLocalActivities<PlaybookRunActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Runs an activity; a permanent failure becomes a `failed` result the interpreter routes (it never stalls the run). */
async function resultOf(call: () => Promise<CommandResult>): Promise<CommandResult> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    return { kind: 'failed', reason: error.cause?.message ?? error.message };
  }
}

/**
 * Executes one interpreter command through its activity; keys in the commands make retries and replays harmless.
 * `maxTouchesPerDay` is the run's playbook cap, enforced per lead across all its runs.
 */
export async function executeCommand(
  runId: string,
  command: Command,
  lead: LeadContext,
  now: Date,
  maxTouchesPerDay: number | null,
): Promise<CommandResult> {
  switch (command.kind) {
    case 'sendTouch': {
      // The cap's slot is reserved by deliverTouch itself, right before the send intent: no step of its own.
      const slot = { timeZone: lead.timeZone, now: now.toISOString(), cap: maxTouchesPerDay };
      return resultOf(() => channelActivities(command.channel).deliverTouch({ runId, command, slot }));
    }
    case 'createTask':
      return resultOf(() => activities.createTask({ runId, command }));
    case 'routeOwner':
      return resultOf(() => activities.routeOwner({ runId, command, lead, now: now.toISOString() }));
    case 'readLeadFeatures':
      // Histories recorded before branches read features decided on the run's copy in the same task: replay them so.
      if (!patched('branch-reads-lead-features')) return { kind: 'leadFeatures', features: lead.features };
      // Local: one primary-key read in the worker, recorded as a marker, so a replay decides the same way.
      return resultOf(() => localActivities.readLeadFeatures({ command, now: now.toISOString() }));
    case 'cancelOpenTasks':
      // Local (one idempotent UPDATE in the worker): an exit then ends the run in one workflow task instead of three.
      await localActivities.cancelOpenTasks({ runId });
      return { kind: 'ok' };
    case 'complete':
      return { kind: 'ok' };
  }
}

/** Commands that reach the outside world; none of them runs once an exit has arrived. */
export function isOutbound(command: Command): boolean {
  return command.kind === 'sendTouch' || command.kind === 'createTask' || command.kind === 'routeOwner';
}

/**
 * Mirrors the run into Postgres after every step. A local activity: the write runs in the worker within the same
 * workflow task (one marker in the history) instead of a schedule → start → complete round trip through the server
 * and a second workflow task per step, which was most of a run's server load. The write is an idempotent upsert of
 * the whole state, so a retried or repeated local activity is harmless.
 */
export function recordProgress(input: Parameters<PlaybookRunActivities['recordProgress']>[0]): Promise<void> {
  return localActivities.recordProgress(input);
}

/**
 * What {@link recordProgress} writes of a state (the `runs` row and `run_steps`), as a comparable key. Most lead
 * events only count towards the run's `eventsSeen`, which is not mirrored: a step that leaves this key unchanged
 * needs no write.
 */
export function recordedProgressKey(state: RunState): string {
  return JSON.stringify([state.status, state.reason ?? null, state.currentNodeId, state.path, state.endedAt ?? null]);
}

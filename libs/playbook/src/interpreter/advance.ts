import type { Playbook } from '../playbook-schema';
import { applyResolution } from './apply-resolution';
import { eventTypesHeardBy } from '../events-heard';
import { lastReplyOf } from './last-reply';
import { resumeOnCommandResult, resumeOnEvent, resumeOnTimer } from './resume-waiting';
import type { AdvanceContext, RunEvent, RunInput, RunState, Step } from './run-types';
import { cloneJson, type Resolution, type Work } from './run-work';

function recordEvent(work: Work, event: RunEvent): void {
  const seen = work.state.eventsSeen;
  seen[event.type] = (seen[event.type] ?? 0) + 1;
  if (event.channel) seen[`${event.type}@${event.channel}`] = (seen[`${event.type}@${event.channel}`] ?? 0) + 1;
  // Only a reply the playbook hears (all a run is sent), so the simulator, which gets every event, agrees with runs.
  const reply = eventTypesHeardBy(work.playbook).includes(event.type) ? lastReplyOf(event) : null;
  // Before the wait resolves, so a branch right after a wait for a reply reads the reply that resumed it.
  if (reply) work.state.lastReply = reply;
  const unsubscribed = work.state.lead.unsubscribedChannels;
  if (event.type === 'unsubscribed' && event.channel && !unsubscribed.includes(event.channel))
    unsubscribed.push(event.channel);
}

function onEvent(work: Work, event: RunEvent): Resolution {
  recordEvent(work, event);
  if ((work.playbook.settings.goalEvents as readonly string[]).includes(event.type)) {
    return { kind: 'end', status: 'converted', reason: `goalEvent:${event.type}` };
  }
  return resumeOnEvent(work, event);
}

function resolveInput(work: Work, input: RunInput): Resolution {
  switch (input.kind) {
    case 'timerFired':
      return resumeOnTimer(work);
    case 'event':
      return onEvent(work, input.event);
    case 'commandResult':
      return resumeOnCommandResult(work, input.nodeId, input.visit, input.result);
    case 'leadUpdated': {
      // Never forget an unsubscribe the run learned from an event, whatever the new snapshot says.
      const unsubscribed = new Set([...input.lead.unsubscribedChannels, ...work.state.lead.unsubscribedChannels]);
      work.state.lead = { ...cloneJson(input.lead), unsubscribedChannels: [...unsubscribed] };
      return { kind: 'stay' };
    }
    case 'exit':
      return { kind: 'end', status: 'exited', reason: input.reason, cancelOpenTasks: true };
  }
}

/**
 * Feeds one input to a run and returns the new state plus the commands to execute, in order. Pure: the
 * given state is not mutated, and the same (playbook, state, input, now) always gives the same step.
 * After a terminal status every input returns the state unchanged and no commands.
 *
 * Driver loop (the Temporal workflow, `simulateRun`):
 * 1. `step = startRun(...)`; then repeat while `step.state.status === 'active'`:
 * 2. execute `step.commands` in order (keys are idempotency keys);
 * 3. if `waiting.kind === 'commandResult'`, feed the last command's result as `commandResult`;
 *    otherwise wait for the first of: `waiting.until` (feed `timerFired`), a lead event (`event`),
 *    a task completion (`commandResult` with `taskCompleted`), an exit signal (`exit`).
 *
 * @example
 * let step = startRun({ playbook, lead, now, runId });
 * step = advance(playbook, step.state, { kind: 'event', event: { type: 'email_reply', occurredAt: now.toISOString() } }, { now });
 */
export function advance(playbook: Playbook, state: RunState, input: RunInput, ctx: AdvanceContext): Step {
  if (state.status !== 'active') return { state, commands: [] };
  const work: Work = { playbook, state: cloneJson(state), commands: [], now: ctx.now };
  applyResolution(work, resolveInput(work, input));
  return { state: work.state, commands: work.commands };
}

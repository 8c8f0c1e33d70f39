import type { PlaybookNode } from '../nodes/playbook-node';
import type { CommandResult, RunEvent, Waiting } from './run-types';
import { currentNode, type Resolution, type Work } from './run-work';
import { decideBranch } from './decide-branch';
import { attemptSend, resolveSendResult } from './send-touch';

function isDue(waiting: Waiting, now: Date): boolean {
  return waiting.until !== undefined && now.getTime() >= Date.parse(waiting.until);
}

/** What a `timerFired` input means for the node the run waits on. Early or stray timers are ignored. */
export function resumeOnTimer(work: Work): Resolution {
  const waiting = work.state.waiting;
  const node = currentNode(work);
  if (!waiting || !node || !isDue(waiting, work.now)) return { kind: 'stay' };
  switch (waiting.kind) {
    case 'deferredSend':
      return node.type === 'send' ? attemptSend(work, node) : { kind: 'stay' };
    case 'timer':
      return { kind: 'follow', handle: 'next' };
    case 'task':
      return { kind: 'follow', handle: 'timedOut' };
    case 'event':
      return node.type === 'goal'
        ? { kind: 'end', status: 'completed', reason: 'goal-not-reached' }
        : { kind: 'follow', handle: 'timedOut' };
    case 'commandResult':
      return { kind: 'stay' };
  }
}

function resolveCommandResult(work: Work, node: PlaybookNode, waiting: Waiting, result: CommandResult): Resolution {
  if (waiting.kind === 'task') {
    if (result.kind === 'taskCompleted') return { kind: 'follow', handle: 'done', note: `task:${result.outcome}` };
    if (result.kind === 'failed') return { kind: 'follow', handle: 'timedOut', note: `failed:${result.reason}` };
    return { kind: 'stay' };
  }
  if (waiting.kind !== 'commandResult') return { kind: 'stay' };
  if (node.type === 'send') return resolveSendResult(work, node, result);
  if (node.type === 'branch') {
    return result.kind === 'leadFeatures' || result.kind === 'failed'
      ? decideBranch(work, node, result)
      : { kind: 'stay' };
  }
  if (node.type === 'route') {
    return result.kind === 'failed'
      ? { kind: 'follow', handle: 'next', note: `failed:${result.reason}` }
      : { kind: 'follow', handle: 'next' };
  }
  return { kind: 'stay' };
}

/**
 * What a command result means. Results for another node or visit (late, duplicate, or for fire-and-forget
 * commands) are ignored, which makes redelivery harmless.
 */
export function resumeOnCommandResult(work: Work, nodeId: string, visit: number, result: CommandResult): Resolution {
  const waiting = work.state.waiting;
  const node = currentNode(work);
  if (!waiting || !node || waiting.nodeId !== nodeId || waiting.visit !== visit) return { kind: 'stay' };
  if (result.kind === 'ownerAssigned') work.state.lead.owner = result.owner;
  return resolveCommandResult(work, node, waiting, result);
}

/** What an (already recorded) event means for the node the run waits on. */
export function resumeOnEvent(work: Work, event: RunEvent): Resolution {
  const waiting = work.state.waiting;
  const node = currentNode(work);
  if (!waiting || !node || waiting.kind !== 'event' || !waiting.eventTypes?.includes(event.type))
    return { kind: 'stay' };
  return node.type === 'goal'
    ? { kind: 'end', status: 'converted', reason: `goal:${event.type}` }
    : { kind: 'follow', handle: 'matched' };
}

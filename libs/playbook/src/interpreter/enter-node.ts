import { nextBusinessWindowStart } from '@segflow/sla';
import { featureNamesOf } from '../condition-features';
import type { BranchNode } from '../nodes/branch-node';
import type { GoalNode } from '../nodes/goal-node';
import type { PlaybookNode } from '../nodes/playbook-node';
import type { TaskNode } from '../nodes/task-node';
import type { WaitNode } from '../nodes/wait-node';
import { chooseSplitVariant } from '../split-assignment';
import { renderTemplate } from '../template';
import { addMinutesIso, commandKey, currentVisit, type Resolution, type Work } from './run-work';
import { decideBranch } from './decide-branch';
import { attemptSend, templateContextOf } from './send-touch';

function enterTask(work: Work, node: TaskNode): Resolution {
  const { lead, runId } = work.state;
  const visit = currentVisit(work);
  const context = templateContextOf(lead);
  work.commands.push({
    kind: 'createTask',
    key: commandKey(runId, node.id, visit),
    nodeId: node.id,
    visit,
    leadId: lead.id,
    taskType: node.config.taskType,
    title: renderTemplate(node.config.title, context),
    description: node.config.description === undefined ? null : renderTemplate(node.config.description, context),
    priority: node.config.priority,
    dueAt: addMinutesIso(work.now, node.config.dueInMinutes),
    assigneeId: lead.owner?.id ?? null,
    waitForCompletion: node.config.waitForCompletion,
    touch: null,
  });
  if (!node.config.waitForCompletion) return { kind: 'follow', handle: 'next' };
  return { kind: 'wait', waiting: { kind: 'task', until: addMinutesIso(work.now, node.config.timeoutMinutes) } };
}

function enterWait(work: Work, node: WaitNode): Resolution {
  const config = node.config;
  if (config.mode === 'duration') {
    if (config.minutes <= 0) return { kind: 'follow', handle: 'next' };
    return { kind: 'wait', waiting: { kind: 'timer', until: addMinutesIso(work.now, config.minutes) } };
  }
  const timeZone = config.calendar.timeZone === 'lead' ? work.state.lead.timeZone : config.calendar.timeZone;
  const opens = nextBusinessWindowStart({ ...config.calendar, timeZone }, work.now);
  if (opens.getTime() <= work.now.getTime()) return { kind: 'follow', handle: 'next', note: 'calendar-open' };
  return { kind: 'wait', waiting: { kind: 'timer', until: opens.toISOString() } };
}

function enterGoal(work: Work, node: GoalNode): Resolution {
  const seen = node.config.eventTypes.find((type) => (work.state.eventsSeen[type] ?? 0) > 0);
  if (seen !== undefined) return { kind: 'end', status: 'converted', reason: `goal:${seen}` };
  if (node.config.windowMinutes <= 0) return { kind: 'end', status: 'completed', reason: 'goal-not-reached' };
  return {
    kind: 'wait',
    waiting: {
      kind: 'event',
      eventTypes: node.config.eventTypes,
      until: addMinutesIso(work.now, node.config.windowMinutes),
    },
  };
}

// A condition on features waits for the lead's current ones (the run's copy is as old as its start); others decide now.
function enterBranch(work: Work, node: BranchNode): Resolution {
  const names = featureNamesOf(node.config.condition);
  if (names.length === 0) return decideBranch(work, node);
  const { lead } = work.state;
  work.commands.push({ kind: 'readLeadFeatures', nodeId: node.id, visit: currentVisit(work), leadId: lead.id, names });
  return { kind: 'wait', waiting: { kind: 'commandResult' } };
}

function enterRoute(work: Work, node: Extract<PlaybookNode, { type: 'route' }>): Resolution {
  const { lead, runId } = work.state;
  const visit = currentVisit(work);
  work.commands.push({
    kind: 'routeOwner',
    key: commandKey(runId, node.id, visit),
    nodeId: node.id,
    visit,
    leadId: lead.id,
    rule: node.config.rule,
  });
  return { kind: 'wait', waiting: { kind: 'commandResult' } };
}

/**
 * What happens when the run arrives at a node (its visit is already recorded): emit its commands and
 * decide whether to move on, wait or end.
 */
export function enterNode(work: Work, node: PlaybookNode): Resolution {
  switch (node.type) {
    case 'entry':
      return { kind: 'follow', handle: 'next' };
    case 'send':
      return attemptSend(work, node);
    case 'task':
      return enterTask(work, node);
    case 'route':
      return enterRoute(work, node);
    case 'wait':
      return enterWait(work, node);
    case 'waitForEvent':
      return {
        kind: 'wait',
        waiting: {
          kind: 'event',
          eventTypes: node.config.eventTypes,
          until: addMinutesIso(work.now, node.config.timeoutMinutes),
        },
      };
    case 'branch':
      return enterBranch(work, node);
    case 'split': {
      const key = chooseSplitVariant(work.state.lead.id, node.id, node.config.variants);
      return key === null
        ? { kind: 'end', status: 'completed', reason: 'split-without-weights' }
        : { kind: 'follow', handle: key };
    }
    case 'goal':
      return enterGoal(work, node);
    case 'exit':
      return { kind: 'end', status: 'exited', reason: node.config.reason };
  }
}

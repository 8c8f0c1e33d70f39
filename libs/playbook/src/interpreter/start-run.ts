import type { Playbook } from '../playbook-schema';
import { applyResolution } from './apply-resolution';
import type { LeadContext } from './lead-context';
import type { RunState, Step } from './run-types';
import { cloneJson, endRun, recordEntry, type Work } from './run-work';

/** Arguments of `startRun`. */
export interface StartRunArgs {
  /** A playbook that passed `validatePlaybook` (the published version the run is pinned to). */
  playbook: Playbook;
  lead: LeadContext;
  /** Workflow time in the worker, the simulated clock in the simulator. */
  now: Date;
  /** Stable id of the run; prefixes every command key. */
  runId: string;
}

/**
 * Starts a run at the entry node and walks until the first pause. Execute `step.commands` in order; see
 * `advance` for the loop.
 *
 * @example
 * const step = startRun({ playbook, lead, now: new Date('2026-03-02T09:00:00Z'), runId: 'run-1' });
 * step.state.waiting; // e.g. { kind: 'commandResult', nodeId: 'welcome', visit: 1 }
 */
export function startRun({ playbook, lead, now, runId }: StartRunArgs): Step {
  const state: RunState = {
    stateVersion: 1,
    runId,
    status: 'active',
    currentNodeId: null,
    path: [],
    visits: {},
    eventsSeen: {},
    touchesPerDay: {},
    waiting: null,
    lead: cloneJson(lead),
    startedAt: now.toISOString(),
  };
  const work: Work = { playbook, state, commands: [], now };
  const entry = playbook.nodes.find((n) => n.type === 'entry');
  if (!entry) {
    endRun(work, { kind: 'end', status: 'completed', reason: 'no-entry-node' });
  } else {
    recordEntry(work, entry.id);
    applyResolution(work, { kind: 'follow', handle: 'next' });
  }
  return { state: work.state, commands: work.commands };
}

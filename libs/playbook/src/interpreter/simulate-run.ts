import type { Playbook } from '../playbook-schema';
import { advance } from './advance';
import type { LeadContext, OwnerRef } from './lead-context';
import type { Command, CommandResult, PathEntry, RunEvent, RunInput, RunState, Step } from './run-types';
import { startRun } from './start-run';

/**
 * Something that happens during a simulation. `at` is an ISO instant; items are applied in time order
 * (ties in the given order) and before a timer due at the same instant.
 * - `event`: the lead does something (`occurredAt` is `at`);
 * - `taskCompleted`: the rep completes the open task of a node;
 * - `exit`: the lead leaves the segment;
 * - `commandFails` (no `at`): every command of that node fails permanently with `reason`;
 * - `ownerAssigned` (no `at`): what a `route` node assigns (default: owner unchanged).
 */
export type SimulationItem =
  | { kind: 'event'; at: string; event: Omit<RunEvent, 'occurredAt'> }
  | { kind: 'taskCompleted'; at: string; nodeId: string; outcome?: string }
  | { kind: 'exit'; at: string; reason: string }
  | { kind: 'commandFails'; nodeId: string; reason: string }
  | { kind: 'ownerAssigned'; nodeId: string; owner: OwnerRef };

/** Arguments of `simulateRun`. */
export interface SimulateRunArgs {
  playbook: Playbook;
  lead: LeadContext;
  events: SimulationItem[];
  startAt: Date;
  /** Upper bound on inputs fed (default 1,000). */
  maxSteps?: number;
  runId?: string;
}

/** What a simulation produced. `path` carries simulated timestamps. */
export interface SimulationResult {
  path: PathEntry[];
  state: RunState;
  commands: Array<{ at: string; command: Command }>;
  steps: number;
  stoppedBecause: 'ended' | 'maxSteps' | 'idle';
}

type Timed = Extract<SimulationItem, { at: string }>;

// A feature read answers with the simulated lead's features: the preview lead stands for the lead "now".
function resultFor(nodeId: string, items: SimulationItem[], step: Step): CommandResult {
  const failure = items.find((i) => i.kind === 'commandFails' && i.nodeId === nodeId);
  if (failure?.kind === 'commandFails') return { kind: 'failed', reason: failure.reason };
  if (step.commands.at(-1)?.kind === 'readLeadFeatures')
    return { kind: 'leadFeatures', features: step.state.lead.features };
  const owner = items.find((i) => i.kind === 'ownerAssigned' && i.nodeId === nodeId);
  return owner?.kind === 'ownerAssigned' ? { kind: 'ownerAssigned', owner: owner.owner } : { kind: 'ok' };
}

function inputFor(item: Timed, state: RunState): RunInput {
  switch (item.kind) {
    case 'event':
      return { kind: 'event', event: { ...item.event, occurredAt: item.at } };
    case 'exit':
      return { kind: 'exit', reason: item.reason };
    case 'taskCompleted': {
      const visit = state.visits[item.nodeId] ?? 0;
      return {
        kind: 'commandResult',
        nodeId: item.nodeId,
        visit,
        result: { kind: 'taskCompleted', outcome: item.outcome ?? 'done' },
      };
    }
  }
}

interface NextInput {
  input: RunInput;
  at: Date;
}

function nextInput(step: Step, items: SimulationItem[], queue: Timed[], now: Date): NextInput | null {
  const { waiting } = step.state;
  if (waiting?.kind === 'commandResult') {
    const result = resultFor(waiting.nodeId, items, step);
    return { at: now, input: { kind: 'commandResult', nodeId: waiting.nodeId, visit: waiting.visit, result } };
  }
  const item = queue[0];
  const timerAt = waiting?.until === undefined ? null : Date.parse(waiting.until);
  if (item && (timerAt === null || Date.parse(item.at) <= timerAt)) {
    queue.shift();
    return { at: new Date(Math.max(now.getTime(), Date.parse(item.at))), input: inputFor(item, step.state) };
  }
  return timerAt === null ? null : { at: new Date(Math.max(now.getTime(), timerAt)), input: { kind: 'timerFired' } };
}

/**
 * The reference driver: runs a lead through a playbook on a simulated clock. Commands succeed unless the
 * timeline says otherwise; timers fire exactly at `waiting.until`. Used by the editor's simulator and by
 * tests of days-long behaviour; the Temporal workflow follows the same loop with real time.
 *
 * @example
 * const sim = simulateRun({ playbook, lead, startAt: new Date('2026-03-02T09:00:00Z'),
 *   events: [{ kind: 'event', at: '2026-03-05T10:00:00Z', event: { type: 'email_reply' } }] });
 * sim.path.map((p) => `${p.nodeId}→${p.outcome}`);
 */
export function simulateRun({
  playbook,
  lead,
  events,
  startAt,
  maxSteps = 1000,
  runId = 'sim',
}: SimulateRunArgs): SimulationResult {
  const queue = events.filter((i): i is Timed => 'at' in i).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let now = startAt;
  let step = startRun({ playbook, lead, now, runId });
  const commands = step.commands.map((command) => ({ at: now.toISOString(), command }));
  let steps = 0;
  while (step.state.status === 'active' && steps < maxSteps) {
    const next = nextInput(step, events, queue, now);
    if (!next) return { path: step.state.path, state: step.state, commands, steps, stoppedBecause: 'idle' };
    now = next.at;
    step = advance(playbook, step.state, next.input, { now });
    commands.push(...step.commands.map((command) => ({ at: now.toISOString(), command })));
    steps += 1;
  }
  const stoppedBecause = step.state.status === 'active' ? 'maxSteps' : 'ended';
  return { path: step.state.path, state: step.state, commands, steps, stoppedBecause };
}

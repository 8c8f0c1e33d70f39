import type { PlaybookNode } from '../nodes/playbook-node';
import type { Playbook } from '../playbook-schema';
import type { Command, RunState, RunStatus, Waiting } from './run-types';

/**
 * What a node decides when the run enters it or when an input arrives while the run waits on it:
 * take an out handle, wait, end the run, or (for irrelevant inputs) nothing.
 */
export type Resolution =
  | { kind: 'follow'; handle: string; note?: string }
  | { kind: 'wait'; waiting: Omit<Waiting, 'nodeId' | 'visit'>; note?: string }
  | { kind: 'end'; status: Exclude<RunStatus, 'active'>; reason: string; cancelOpenTasks?: boolean }
  | { kind: 'stay' };

/** Mutable scratch space of one `startRun`/`advance` call; `state` is a private copy. */
export interface Work {
  playbook: Playbook;
  state: RunState;
  commands: Command[];
  now: Date;
}

/** Deep copy of a JSON value, so callers' states are never mutated. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The idempotency key of the command a node emits on one visit. */
export function commandKey(runId: string, nodeId: string, visit: number): string {
  return `${runId}:${nodeId}:${visit}`;
}

/** ISO instant `minutes` after `at`. */
export function addMinutesIso(at: Date, minutes: number): string {
  return new Date(at.getTime() + minutes * 60_000).toISOString();
}

/** The node with an id, if any. */
export function findNode(playbook: Playbook, nodeId: string | null): PlaybookNode | undefined {
  return nodeId === null ? undefined : playbook.nodes.find((n) => n.id === nodeId);
}

/** The node the run is at; only called while the run is on a node. */
export function currentNode(work: Work): PlaybookNode | undefined {
  return findNode(work.playbook, work.state.currentNodeId);
}

/** Visit number of the current node. */
export function currentVisit(work: Work): number {
  return work.state.visits[work.state.currentNodeId ?? ''] ?? 0;
}

/** Records arrival at a node: visit counter and a new path entry. */
export function recordEntry(work: Work, nodeId: string): void {
  const visit = (work.state.visits[nodeId] ?? 0) + 1;
  work.state.visits[nodeId] = visit;
  work.state.currentNodeId = nodeId;
  work.state.path.push({ nodeId, visit, enteredAt: work.now.toISOString() });
}

/** Sets outcome (and note) of the open path entry, once. */
export function recordExit(work: Work, outcome: string, note?: string): void {
  const entry = work.state.path.at(-1);
  if (!entry || entry.outcome !== undefined) return;
  entry.outcome = outcome;
  entry.leftAt = work.now.toISOString();
  if (note !== undefined) entry.note = entry.note ? `${entry.note}; ${note}` : note;
}

/** Appends a note to the open path entry (e.g. why a send was deferred). */
export function addNote(work: Work, note: string): void {
  const entry = work.state.path.at(-1);
  if (entry) entry.note = entry.note ? `${entry.note}; ${note}` : note;
}

/** Ends the run: terminal status, closed path entry, `cancelOpenTasks` if asked, then `complete`. */
export function endRun(work: Work, resolution: Extract<Resolution, { kind: 'end' }>): void {
  recordExit(work, resolution.status, resolution.reason);
  work.state.status = resolution.status;
  work.state.reason = resolution.reason;
  work.state.waiting = null;
  work.state.endedAt = work.now.toISOString();
  if (resolution.cancelOpenTasks) {
    work.commands.push({ kind: 'cancelOpenTasks', runId: work.state.runId, leadId: work.state.lead.id });
  }
  work.commands.push({ kind: 'complete', status: resolution.status, reason: resolution.reason });
}

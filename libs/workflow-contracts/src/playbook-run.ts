import { defineQuery, defineSignal } from '@temporalio/workflow';
import type {
  Command,
  CommandResult,
  LeadContext,
  PathEntry,
  Playbook,
  RunEvent,
  RunState,
  RunStatus,
  Waiting,
} from '@segflow/playbook';
import type { TouchSlot } from './touch-cap';

/** Name of the workflow that executes one playbook run (one workflow per run). */
export const PLAYBOOK_RUN_WORKFLOW = 'playbookRunWorkflow';

/**
 * How the workflow maps workflow time to the time the interpreter sees. `scale` 1 (production) is the
 * identity; tests use e.g. 30 so a 1-minute wait takes 2 real seconds. Carried across continue-as-new.
 *
 * @example
 * const clock: RunClock = { scale: 30, realOrigin: '2026-01-01T00:00:00Z', virtualOrigin: '2026-01-01T00:00:00Z' };
 */
export interface RunClock {
  scale: number;
  realOrigin: string;
  virtualOrigin: string;
}

/**
 * Input of {@link PLAYBOOK_RUN_WORKFLOW}: the run, the lead snapshot, and the graph snapshot of the published
 * version the run is pinned to (DESIGN invariant 5: publishing never changes a running run).
 * `carried` is set only by continue-as-new.
 *
 * @example
 * const input: PlaybookRunInput = { runId: 'r1', leadId: 'l1', playbookId: 'p1', playbookVersionId: 'v1',
 *   playbookVersion: 3, graph, lead, paused: false, timeScale: 1 };
 */
export interface PlaybookRunInput {
  runId: string;
  leadId: string;
  playbookId: string;
  playbookVersionId: string;
  playbookVersion: number;
  graph: Playbook;
  lead: LeadContext;
  /** Start held (the playbook is paused). */
  paused: boolean;
  /** Interpreter minutes per real minute; 1 in production. */
  timeScale: number;
  /**
   * Set when the API mirrored the run's starting state into Postgres as it created the run: the interpreter time it
   * started the run at. The workflow starts the run at this time, so it reaches the same state, and need not write
   * it again (its first workflow task has no local activity). Unset on a re-delivery, which may read another lead.
   */
  startedAt?: string;
  /** Continue as new after this many history events (default: the worker's limit; tests set it low). */
  historyLimit?: number;
  carried?: CarriedRunState;
}

/** What continue-as-new hands to the next execution. */
export interface CarriedRunState {
  state: RunState;
  clock: RunClock;
  inbox: PlaybookRunSignalInput[];
  lastResult: CommandResult | null;
  exitReason: string | null;
}

/**
 * An event forwarded to the run. `touchId` is the touch it answers, when the API matched one. A reply's
 * `event.properties.intent` is the intent ingest classified and stored with it, which `replyIntent` branches read.
 */
export interface LeadEventSignalPayload {
  event: RunEvent;
  touchId?: string;
}

/** Ends the run at once, even mid-wait (left segment, unsubscribed, stopped by a user). */
export interface ExitSignalPayload {
  reason: string;
}

/** A rep completed the run's task of `nodeId` (visit `visit`). */
export interface TaskCompletedSignalPayload {
  nodeId: string;
  visit: number;
  outcome: string;
}

/** Queued inputs, in arrival order; an `exit` is one that came after queued events ({@link LeadEventsSignalPayload}). */
export type PlaybookRunSignalInput =
  | { kind: 'event'; payload: LeadEventSignalPayload }
  | { kind: 'taskCompleted'; payload: TaskCompletedSignalPayload }
  | { kind: 'exit'; reason: string };

/**
 * Several lead events for one run, in the order they happened: the API delivers a lead's pending events as one
 * signal (one workflow task) instead of one signal each. `exitReason`, when set, ends the run once it has heard them
 * (a goal among them still converts it); no touch, task or routing goes out meanwhile. An exit that came after the
 * events (the lead left the segment, or unsubscribed from every channel) rides on their signal instead of taking one
 * more on the path of the lead's next run.
 *
 * @example
 * const batch: LeadEventsSignalPayload = { events: [
 *   { event: { type: 'email_open', channel: 'email', occurredAt: '2026-03-02T09:00:00Z' } },
 *   { event: { type: 'email_reply', channel: 'email', occurredAt: '2026-03-02T09:05:00Z' }, touchId: 't-1' },
 * ] };
 */
export interface LeadEventsSignalPayload {
  events: LeadEventSignalPayload[];
  exitReason?: string;
}

/**
 * One lead event routed to the run. Still accepted by the workflow (histories recorded before
 * {@link leadEventsSignal} carry it, and tools may send it); the API sends {@link leadEventsSignal}.
 */
export const leadEventSignal = defineSignal<[LeadEventSignalPayload]>('leadEvent');
/** Lead events (replies, reads, demo booked, purchases, unsubscribes) routed to the run by the API, in order. */
export const leadEventsSignal = defineSignal<[LeadEventsSignalPayload]>('leadEvents');
/** Ends the run with a reason. */
export const exitSignal = defineSignal<[ExitSignalPayload]>('exit');
/** A task of the run was completed. */
export const taskCompletedSignal = defineSignal<[TaskCompletedSignalPayload]>('taskCompleted');
/** Hold before the next step (the playbook was paused). */
export const pauseSignal = defineSignal('pause');
/** Continue after a pause. */
export const resumeSignal = defineSignal('resume');

/** What {@link playbookRunStateQuery} answers. */
export interface PlaybookRunSnapshot {
  runId: string;
  status: RunStatus;
  reason: string | null;
  currentNodeId: string | null;
  path: PathEntry[];
  waiting: Waiting | null;
  paused: boolean;
}

/** Current node and path so far. */
export const playbookRunStateQuery = defineQuery<PlaybookRunSnapshot>('playbookRunState');

/** Result of the workflow: how the run ended. */
export interface PlaybookRunResult {
  status: RunStatus;
  reason: string | null;
}

/**
 * Workflow id of a run started by a segment entry: derived from the membership so a re-delivered outbox
 * row starts nothing new (DESIGN invariant 2).
 *
 * @example
 * membershipRunWorkflowId('m-7', 'p-1') // 'playbook-run-m-7-p-1'
 */
export function membershipRunWorkflowId(membershipId: string, playbookId: string): string {
  return `playbook-run-${membershipId}-${playbookId}`;
}

/**
 * Workflow id of a manually enrolled run.
 *
 * @example
 * manualRunWorkflowId('r-1') // 'playbook-run-r-1'
 */
export function manualRunWorkflowId(runId: string): string {
  return `playbook-run-${runId}`;
}

/**
 * Input of the `deliverTouch` activity: the interpreter's command, the run it belongs to, and the slot of the lead's
 * daily cap it takes with the send intent (the lead and key are the command's).
 */
export type DeliverTouchInput = {
  runId: string;
  command: Extract<Command, { kind: 'sendTouch' }>;
  slot: TouchSlot;
};
/** Input of the `createTask` activity. */
export type CreateTaskInput = { runId: string; command: Extract<Command, { kind: 'createTask' }> };
/** Input of the `routeOwner` activity. */
export type RouteOwnerInput = {
  runId: string;
  command: Extract<Command, { kind: 'routeOwner' }>;
  lead: LeadContext;
  now: string;
};
/** Input of the `cancelOpenTasks` activity. */
export type CancelOpenTasksInput = { runId: string };
/** Input of the `readLeadFeatures` activity: the features a branch reads, at the run's `now` (ISO). */
export type ReadLeadFeaturesInput = { command: Extract<Command, { kind: 'readLeadFeatures' }>; now: string };
/** Input of the `recordProgress` activity: the run's state after a step. */
export type RecordProgressInput = { runId: string; state: RunState };

import type { Channel } from '../nodes/common';
import type { RouteRule } from '../nodes/route-node';
import type { TaskConfig } from '../nodes/task-node';
import type { LeadContext, OwnerRef } from './lead-context';

/*
 * The interpreter contract, shared with apps/worker. Everything here is plain JSON (ISO-8601 strings for
 * instants) so a RunState can live in workflow state, be returned from a query and be stored in Postgres.
 * Changes must stay backward compatible: running workflows outlive deploys.
 */

/** `active` until the run ends; the three others are terminal and nothing is emitted after them. */
export type RunStatus = 'active' | 'converted' | 'exited' | 'completed';

/**
 * One visit of one node. `visit` counts visits of that node in this run (1-based). `outcome` is set when
 * the run leaves the node: the out handle taken (`next`, `yes`, `timedOut`, a split key, …) or a terminal
 * marker (`converted`, `exited`, `completed`). `note` explains special cases, e.g. `unsubscribed:email`,
 * `deferred:quietHours`, `failed:<reason>`.
 */
export interface PathEntry {
  nodeId: string;
  visit: number;
  enteredAt: string;
  outcome?: string;
  note?: string;
  leftAt?: string;
}

/**
 * What the run is paused on. The driver must:
 * - `timer` / `deferredSend`: fire `{ kind: 'timerFired' }` at `until`;
 * - `event`: deliver events (any type; the interpreter filters) and, if `until` is set, fire a timer then;
 * - `task`: deliver the task's `commandResult` (`taskCompleted`) and fire a timer at `until`;
 * - `commandResult`: report the result of the LAST command of the step just returned (a `sendTouch`,
 *   a LinkedIn `createTask`, a `routeOwner` or a `readLeadFeatures` for `nodeId`/`visit`). At most one command per step needs a
 *   result, and it is always the last; every other command is fire-and-forget (retry it until done).
 * Events and `exit` inputs are accepted in every waiting kind.
 */
export interface Waiting {
  kind: 'timer' | 'event' | 'task' | 'deferredSend' | 'commandResult';
  nodeId: string;
  visit: number;
  /** ISO instant the driver should fire `timerFired` at; absent = no timer. */
  until?: string;
  /** For `event`: the event types that end the wait. */
  eventTypes?: string[];
}

/**
 * The lead's latest reply a run heard: its event type and time, and the intent ingest classified its text as (null
 * when the reply carried no text). What `replyIntent` branch conditions read.
 *
 * @example
 * const reply: LastReply = { eventType: 'whatsapp_reply', occurredAt: '2026-03-02T09:00:00Z', intent: 'pricing', confidence: 0.91 };
 */
export interface LastReply {
  eventType: string;
  occurredAt: string;
  intent: string | null;
  confidence: number | null;
}

/**
 * Serialisable state of one run. Treat as opaque outside this library except for reading.
 *
 * @example
 * if (state.status === 'active' && state.waiting?.until) await sleepUntil(state.waiting.until);
 */
export interface RunState {
  /** Version of this structure (not of the playbook). */
  stateVersion: 1;
  runId: string;
  status: RunStatus;
  /** Set when status is terminal. */
  reason?: string;
  /** Node the run is at (the terminal node once ended); null only before the entry is entered. */
  currentNodeId: string | null;
  path: PathEntry[];
  /** Visits per node id. */
  visits: Record<string, number>;
  /** Counts of events seen in this run by `type` and by `type@channel`. */
  eventsSeen: Record<string, number>;
  /** Touches sent per lead-local calendar day (`YYYY-MM-DD`). */
  touchesPerDay: Record<string, number>;
  /** The latest reply heard; absent before the first (and in states recorded before replies were kept). */
  lastReply?: LastReply;
  waiting: Waiting | null;
  lead: LeadContext;
  startedAt: string;
  endedAt?: string;
}

/** Something that happened to the lead, forwarded from the event pipeline. */
export interface RunEvent {
  type: string;
  occurredAt: string;
  channel?: Channel;
  eventId?: string;
  properties?: Record<string, unknown>;
}

/**
 * Outcome of a command, reported by the driver. Only report `failed` for permanent failures (retry
 * transient ones inside the activity). `deferred` (for a `sendTouch`): the touch did not go out because the lead's
 * daily cap across all its runs is full; the run waits until `until` and tries the send again. `leadFeatures` (for a
 * `readLeadFeatures`): the lead's scoring features now, by name.
 */
export type CommandResult =
  | { kind: 'ok' }
  | { kind: 'leadFeatures'; features: Record<string, number> }
  | { kind: 'deferred'; until: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'taskCompleted'; outcome: string }
  | { kind: 'ownerAssigned'; owner: OwnerRef };

/**
 * Inputs the driver feeds to `advance`. `unsubscribed` events (type `unsubscribed` with a `channel`) also
 * add that channel to the lead's unsubscribed channels.
 *
 * @example
 * const input: RunInput = { kind: 'commandResult', nodeId: 'intro', visit: 1, result: { kind: 'failed', reason: 'hard-bounce' } };
 */
export type RunInput =
  | { kind: 'timerFired' }
  | { kind: 'event'; event: RunEvent }
  | { kind: 'commandResult'; nodeId: string; visit: number; result: CommandResult }
  | { kind: 'leadUpdated'; lead: LeadContext }
  | { kind: 'exit'; reason: string };

/** How a touch is sent as, resolved: the owner at send time, or a fixed identity. */
export interface ResolvedSender {
  kind: 'owner' | 'fixed';
  /** Owner id for `owner`; null when the lead has no owner (the driver picks a default mailbox). */
  ownerId: string | null;
  name: string;
  address: string | null;
}

/**
 * Side effects the driver must execute, in order. Keys are `${runId}:${nodeId}:${visit}`: execute each at
 * most once per key (DESIGN invariant 3) and reuse the key on retries and replays.
 *
 * @example
 * switch (command.kind) { case 'sendTouch': return deliverTouch(command); case 'complete': return markRunEnded(command); }
 */
export type Command =
  | {
      kind: 'sendTouch';
      idempotencyKey: string;
      nodeId: string;
      visit: number;
      leadId: string;
      channel: Exclude<Channel, 'linkedin'>;
      subject: string | null;
      body: string;
      /** Email: the node's HTML template rendered (values escaped); absent = the channel makes HTML from `body`. */
      html?: string;
      /** WhatsApp: the node's approved template with its parameters rendered (used outside the 24-hour window). */
      whatsappTemplate?: { name: string; language: string; parameters: string[] };
      sender: ResolvedSender;
    }
  | {
      kind: 'createTask';
      key: string;
      nodeId: string;
      visit: number;
      leadId: string;
      taskType: TaskConfig['taskType'];
      title: string;
      description: string | null;
      priority: TaskConfig['priority'];
      dueAt: string;
      assigneeId: string | null;
      /** True when the run waits for `taskCompleted`. */
      waitForCompletion: boolean;
      /** Set when the task is a LinkedIn touch executed by the rep (from a `send` node). */
      touch: { channel: 'linkedin'; body: string } | null;
    }
  | { kind: 'routeOwner'; key: string; nodeId: string; visit: number; leadId: string; rule: RouteRule }
  /** A branch reads features: answer with the lead's current ones (`leadFeatures`) so it never decides on stale values. */
  | { kind: 'readLeadFeatures'; nodeId: string; visit: number; leadId: string; names: string[] }
  | { kind: 'cancelOpenTasks'; runId: string; leadId: string }
  | { kind: 'complete'; status: Exclude<RunStatus, 'active'>; reason: string };

/**
 * Result of `startRun` / `advance`: the new state and the commands to execute.
 *
 * @example
 * for (const command of step.commands) await execute(command);
 */
export interface Step {
  state: RunState;
  commands: Command[];
}

/** Per-call context of `advance`: the current instant (workflow time in the worker). */
export interface AdvanceContext {
  now: Date;
}

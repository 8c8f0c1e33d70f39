import type { StoredReplyIntent } from './intent';

/** Outcomes a rep records when completing a task. */
export const TASK_OUTCOMES = ['connected', 'no_answer', 'meeting_booked', 'not_interested'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** An open task as the inbox shows it (`GET /api/inbox`), with the "why now" context. */
export interface InboxItem {
  id: string;
  title: string;
  description: string | null;
  taskType: string;
  priority: string;
  dueAt: string;
  createdAt: string;
  assigneeId: string | null;
  runId: string | null;
  nodeId: string | null;
  /**
   * The rendered message of a LinkedIn touch the rep sends by hand (no public API sends LinkedIn messages), or null
   * for other tasks.
   */
  touch: { channel: string; body: string } | null;
  slaDueAt: string | null;
  slaBreached: boolean;
  score: number;
  lead: {
    id: string;
    name: string | null;
    company: string | null;
    email: string | null;
    phone: string | null;
    /** Where the rep sends a LinkedIn touch, when known. */
    linkedinUrl: string | null;
    city: string | null;
    country: string | null;
  };
  segment: { id: string; name: string; enteredAt: string; enterReason: string } | null;
  step: { playbookId: string; playbookName: string; version: number; nodeId: string | null } | null;
  recentEvents: { type: string; occurredAt: string; data: unknown }[];
  /** The intent of the lead's latest classified reply among `recentEvents` (null when none). */
  replyIntent: StoredReplyIntent | null;
  /** Short sentences on why this lead is worth a call now. */
  whyNow: string[];
  /** Where the task sits in the inbox and why (the ranking rule in the README, "Inbox order"). */
  rank: InboxRank;
}

/**
 * A task's inbox rank: `0.5·urgency + 0.25·priority + 0.25·likelihood`, each part in [0, 1], and one line saying why.
 *
 * @example
 * const rank: InboxRank = { value: 0.84, urgency: 1, priority: 0.75, likelihood: 0.6,
 *   why: 'first-touch SLA missed 12 min ago · high priority · 60% likely to convert' };
 */
export interface InboxRank {
  value: number;
  urgency: number;
  priority: number;
  likelihood: number;
  why: string;
}

/** One entry of a task's activity (`GET /api/inbox/tasks/:id/activity`). */
export interface TaskActivity {
  kind: 'note' | 'snoozed' | 'reassigned' | 'completed';
  actorId: string | null;
  body: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/** Body of `POST /api/inbox/tasks/:id/complete`. */
export interface CompleteTaskRequest {
  outcome: TaskOutcome;
  note?: string;
}

/** Body of `POST /api/inbox/tasks/:id/snooze`: an ISO instant. */
export interface SnoozeTaskRequest {
  until: string;
}

/** Body of `POST /api/inbox/tasks/:id/notes`. */
export interface TaskNoteRequest {
  body: string;
}

/** Body of `POST /api/inbox/tasks/:id/reassign`. */
export interface ReassignTaskRequest {
  repId: string;
  reason?: string;
}

/** Server-Sent Events: `changed` whenever a task this inbox shows changes (GET /api/inbox/stream). */
export const INBOX_STREAM_PATH = '/api/inbox/stream';

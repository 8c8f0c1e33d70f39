import { z } from 'zod';

/** Outcomes a rep records when completing a task. */
export const TASK_OUTCOMES = ['connected', 'no_answer', 'meeting_booked', 'not_interested'] as const;

export const completeInboxTaskSchema = z.object({ outcome: z.enum(TASK_OUTCOMES), note: z.string().trim().max(2000).optional() });
export const snoozeTaskSchema = z.object({ until: z.coerce.date() });
export const taskNoteSchema = z.object({ body: z.string().trim().min(1).max(2000) });
export const reassignTaskSchema = z.object({ repId: z.string().min(1), reason: z.string().trim().max(500).default('reassigned by manager') });
export const inboxQuerySchema = z.object({ repId: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

/** An open task as the inbox shows it, with the "why now" context. */
export interface InboxItemDto {
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
  slaDueAt: string | null;
  slaBreached: boolean;
  score: number;
  lead: { id: string; name: string | null; company: string | null; email: string | null; phone: string | null; city: string | null; country: string | null };
  segment: { id: string; name: string; enteredAt: string; enterReason: string } | null;
  step: { playbookId: string; playbookName: string; version: number; nodeId: string | null } | null;
  recentEvents: { type: string; occurredAt: string; data: unknown }[];
  /** Short sentences on why this lead is worth a call now. */
  whyNow: string[];
}

export interface TaskActivityDto {
  kind: 'note' | 'snoozed' | 'reassigned' | 'completed';
  actorId: string | null;
  body: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

import type { InboxQuery } from '@segflow/api-contracts';
import { readsQueryContract } from '../common/accepts-contract';
import {
  TASK_OUTCOMES,
  type CompleteTaskRequest,
  type InboxItem,
  type ReassignTaskRequest,
  type SnoozeTaskRequest,
  type TaskActivity,
  type TaskNoteRequest,
} from '@segflow/api-contracts';
import { z } from 'zod';
import { acceptsContract } from '../common/accepts-contract';

export { TASK_OUTCOMES };

export const completeInboxTaskSchema = acceptsContract<CompleteTaskRequest>()(
  z.object({ outcome: z.enum(TASK_OUTCOMES), note: z.string().trim().max(2000).optional() }),
);
export const snoozeTaskSchema = acceptsContract<SnoozeTaskRequest>()(z.object({ until: z.coerce.date() }));
export const taskNoteSchema = acceptsContract<TaskNoteRequest>()(
  z.object({ body: z.string().trim().min(1).max(2000) }),
);
export const reassignTaskSchema = acceptsContract<ReassignTaskRequest>()(
  z.object({ repId: z.string().min(1), reason: z.string().trim().max(500).default('reassigned by manager') }),
);
export const inboxQuerySchema = readsQueryContract<InboxQuery>()(
  z.object({
    repId: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
);

// Response shapes live in libs/api-contracts, shared with the web app.
export type InboxItemDto = InboxItem;
export type TaskActivityDto = TaskActivity;

import type { RunListQuery, TouchListQuery } from '@segflow/api-contracts';
import { readsQueryContract } from '../common/accepts-contract';
import type { EnrolRequest, RunDetail, RunSummary, TaskDto, TouchDto } from '@segflow/api-contracts';
import { z } from 'zod';
import type { RunRow, TaskRow, TouchRecord } from '@segflow/stores';
import { acceptsContract } from '../common/accepts-contract';

export const enrolSchema = acceptsContract<EnrolRequest>()(
  z.object({ leadId: z.string().uuid(), playbookId: z.string().uuid() }),
);
export const stopRunSchema = z.object({ reason: z.string().trim().min(1).max(200) });
export const listRunsQuerySchema = readsQueryContract<RunListQuery>()(
  z.object({
    leadId: z.string().uuid().optional(),
    playbookId: z.string().uuid().optional(),
    status: z.enum(['active', 'converted', 'exited', 'completed', 'heldOut']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
);
export const listTouchesQuerySchema = readsQueryContract<TouchListQuery>()(
  z.object({
    leadId: z.string().uuid().optional(),
    runId: z.string().uuid().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
);
export const completeTaskSchema = z.object({ outcome: z.string().trim().min(1).max(100).default('done') });

export type EnrolBody = z.infer<typeof enrolSchema>;
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;
export type ListTouchesQuery = z.infer<typeof listTouchesQuerySchema>;

// Response shapes live in libs/api-contracts, shared with the web app.
export type { TouchDto, TaskDto };
export type RunDto = RunSummary;
export type RunDetailDto = RunDetail;

/** Where the Temporal Web UI is: its base URL (none configured: no links) and the namespace runs live in. */
export interface TemporalUi {
  baseUrl: string | undefined;
  namespace: string;
}

/**
 * A workflow's page in the Temporal Web UI, or null without a UI or a workflow (a held-out run has none).
 * @example temporalUrlOf('playbook-run-1', { baseUrl: 'http://127.0.0.1:8233', namespace: 'default' });
 * // 'http://127.0.0.1:8233/namespaces/default/workflows/playbook-run-1'
 */
export function temporalUrlOf(workflowId: string | null, ui: TemporalUi): string | null {
  if (!workflowId || !ui.baseUrl) return null;
  const base = ui.baseUrl.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(ui.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

export function mapRun(run: RunRow, ui: TemporalUi): RunDto {
  return {
    id: run.id,
    leadId: run.leadId,
    playbookId: run.playbookId,
    playbookVersion: run.playbookVersion,
    segmentId: run.segmentId,
    status: run.status,
    exitReason: run.exitReason,
    currentNodeId: run.currentNodeId,
    temporalWorkflowId: run.temporalWorkflowId,
    temporalUrl: temporalUrlOf(run.temporalWorkflowId, ui),
    startedAt: run.startedAt.toISOString(),
    endedAt: run.endedAt?.toISOString() ?? null,
  };
}

export function mapTouch(t: TouchRecord): TouchDto {
  return {
    id: t.id,
    runId: t.runId,
    leadId: t.leadId,
    nodeId: t.nodeId,
    visit: t.visit,
    channel: t.channel,
    subject: t.subject,
    body: t.body,
    sender: t.sender,
    status: t.status,
    error: t.error,
    providerMessageId: t.providerMessageId,
    createdAt: t.createdAt.toISOString(),
  };
}

export function mapTask(t: TaskRow): TaskDto {
  return {
    id: t.id,
    runId: t.runId,
    leadId: t.leadId,
    nodeId: t.nodeId,
    visit: t.visit,
    taskType: t.taskType,
    title: t.title,
    description: t.description,
    priority: t.priority,
    dueAt: t.dueAt.toISOString(),
    assigneeId: t.assigneeId,
    waitForCompletion: t.waitForCompletion,
    status: t.status,
    outcome: t.outcome,
    createdAt: t.createdAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
  };
}

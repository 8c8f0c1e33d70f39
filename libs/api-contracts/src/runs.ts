import type { PathEntry } from '@segflow/playbook';

/** Lifecycle of a run. */
export type RunStatus = 'active' | 'converted' | 'exited' | 'completed' | 'heldOut';

/** One row of `GET /api/runs`. */
export interface RunSummary {
  id: string;
  leadId: string;
  playbookId: string;
  playbookVersion: number;
  segmentId: string | null;
  status: RunStatus;
  exitReason: string | null;
  currentNodeId: string | null;
  temporalWorkflowId: string | null;
  /** The run's workflow in the Temporal Web UI (`TEMPORAL_UI_URL`, `TEMPORAL_NAMESPACE`); null without a UI or workflow. */
  temporalUrl: string | null;
  startedAt: string;
  endedAt: string | null;
}

/** A message a run rendered (`GET /api/touches`, and inside a run). */
export interface TouchDto {
  id: string;
  runId: string;
  leadId: string;
  nodeId: string;
  visit: number;
  channel: string;
  subject: string | null;
  body: string;
  sender: { kind: string; ownerId: string | null; name: string; address: string | null };
  status: 'queued' | 'sent' | 'failed';
  error: string | null;
  providerMessageId: string | null;
  createdAt: string;
}

/** A rep task a run created. */
export interface TaskDto {
  id: string;
  runId: string | null;
  leadId: string;
  nodeId: string | null;
  visit: number | null;
  taskType: string;
  title: string;
  description: string | null;
  priority: string;
  dueAt: string;
  assigneeId: string | null;
  waitForCompletion: boolean;
  status: 'open' | 'done' | 'cancelled';
  outcome: string | null;
  createdAt: string;
  closedAt: string | null;
}

/** `GET /api/runs/:id` (and `POST /api/runs`): a run with its path, touches and tasks. */
export interface RunDetail extends RunSummary {
  path: PathEntry[];
  touches: TouchDto[];
  tasks: TaskDto[];
}

/** Body of `POST /api/runs`: enrol a lead into the latest published version of a playbook. */
export interface EnrolRequest {
  leadId: string;
  playbookId: string;
}

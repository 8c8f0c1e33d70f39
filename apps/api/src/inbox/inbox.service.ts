import { isUuid } from '@segflow/api-contracts';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rankInboxTasks, type TaskRank } from '@segflow/routing';
import { channelOfEventType } from '@segflow/events';
import { LeadPropensityService } from '../propensity/lead-propensity.service';
import { CONFIRM_UNSUBSCRIBE_TASK_TYPE, type ConfirmUnsubscribeResponse } from '@segflow/api-contracts';
import {
  addTaskActivity,
  assignTask,
  findActionableTask,
  findReplyTask,
  findActiveRepWithManager,
  inboxCandidatesOf,
  inboxRowsOf,
  recordAuditEntry,
  setOwner,
  setTaskCompletedBy,
  snoozeTask,
  taskActivityOf,
  type ActionableTask,
  type InboxRow,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/principal';
import { EventsService } from '../events/events.service';
import { RunsService } from '../runs/runs.service';
import { InboxItemDto, TaskActivityDto } from './inbox.dto';
import { describeWhyNow, latestReplyIntent } from './why-now';

function mapInboxItem(row: InboxRow, rank: TaskRank, now: Date): InboxItemDto {
  const item = {
    ...row,
    dueAt: row.dueAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    slaDueAt: row.slaDueAt?.toISOString() ?? null,
    rank,
  };
  return { ...item, replyIntent: latestReplyIntent(row.recentEvents), whyNow: describeWhyNow(item, now) };
}

/**
 * The rep's task inbox. Reps see and act on their own tasks only; managers on the tasks of their teams' reps
 * (and unassigned ones); admins on all. Completion goes through the runs service, which signals the waiting run.
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runs: RunsService,
    private readonly events: EventsService,
    private readonly propensity: LeadPropensityService,
  ) {}

  async listOrThrow(
    user: SessionUser,
    query: { repId?: string; limit: number },
    now = new Date(),
  ): Promise<InboxItemDto[]> {
    const repId = user.role === 'rep' ? user.id : (query.repId ?? null);
    if (user.role === 'rep' && query.repId && query.repId !== user.id)
      throw new ForbiddenException('reps see only their own inbox');
    // Ranked by libs/routing's documented rule over the whole open list, then only the page is read in full.
    const candidates = await inboxCandidatesOf(this.db.manager, repId, now);
    // The calibrated conversion probability where the propensity model has one; else the lead's score scaled to [0, 1].
    const probabilities = await this.propensity.probabilitiesOf([...new Set(candidates.map((c) => c.leadId))], now);
    const withLikelihood = candidates.map((c) => ({ ...c, likelihood: probabilities.get(c.leadId) ?? c.likelihood }));
    const ranked = rankInboxTasks(withLikelihood, now).slice(0, query.limit);
    const ranks = new Map(ranked.map((task) => [task.id, task.rank]));
    const rows = await inboxRowsOf(
      this.db.manager,
      ranked.map((task) => task.id),
      now,
    );
    return rows.map((row) => mapInboxItem(row, ranks.get(row.id)!, now));
  }

  async completeOrThrow(user: SessionUser, taskId: string, outcome: string, note?: string) {
    const task = await this.findActionableOrThrow(user, taskId);
    if (task.status !== 'open') throw new ConflictException({ message: `task ${taskId} is already ${task.status}` });
    await setTaskCompletedBy(this.db.manager, taskId, user.id);
    if (note) await this.addActivity(taskId, user, 'note', note, {});
    await this.addActivity(taskId, user, 'completed', null, { outcome });
    return this.runs.completeTask(taskId, outcome);
  }

  /**
   * One click on a task a reply classified `unsubscribe` opened: unsubscribes the lead from the reply's channel
   * through the ingest path (consent, suppression and runs, as any `unsubscribe` event) and completes the task.
   * Safe to retry: the event is keyed by the task.
   */
  async confirmUnsubscribeOrThrow(
    user: SessionUser,
    taskId: string,
    now = new Date(),
  ): Promise<ConfirmUnsubscribeResponse> {
    const task = await this.findActionableOrThrow(user, taskId);
    if (task.status !== 'open') throw new ConflictException({ message: `task ${taskId} is already ${task.status}` });
    const request = await findReplyTask(this.db.manager, taskId);
    if (request?.taskType !== CONFIRM_UNSUBSCRIBE_TASK_TYPE)
      throw new ConflictException({ message: `task ${taskId} is no unsubscribe request` });
    const channel = channelOfEventType(request.replyType);
    if (!channel) throw new ConflictException({ message: `task ${taskId} answers a reply on no contact channel` });
    const eventId = `unsubscribe-confirmed:${taskId}`;
    const { results } = await this.events.ingest([
      {
        eventId,
        type: 'unsubscribe',
        channel,
        leadExternalId: request.leadExternalId,
        occurredAt: now.toISOString(),
        properties: { source: 'rep-confirmed', replyEventId: request.replyEventId, confirmedBy: user.id },
      },
    ]);
    const result = results[0];
    if (result?.status === 'rejected')
      throw new ConflictException({ message: 'the unsubscribe was not recorded', issues: result.issues });
    await this.completeOrThrow(user, taskId, 'unsubscribe_confirmed');
    return { channel, eventId };
  }

  async snoozeOrThrow(user: SessionUser, taskId: string, until: Date, now = new Date()): Promise<void> {
    if (until <= now)
      throw new BadRequestException({
        message: 'invalid request body',
        issues: [{ field: 'until', reason: 'must be in the future' }],
      });
    await this.findActionableOrThrow(user, taskId);
    await snoozeTask(this.db.manager, taskId, until);
    await this.addActivity(taskId, user, 'snoozed', null, { until: until.toISOString() });
  }

  async addNoteOrThrow(user: SessionUser, taskId: string, body: string): Promise<void> {
    await this.findActionableOrThrow(user, taskId);
    await this.addActivity(taskId, user, 'note', body, {});
  }

  /** Gives an open task (and its lead) to another active rep; managers only for their teams. */
  async reassignOrThrow(user: SessionUser, taskId: string, repId: string, reason: string): Promise<void> {
    const task = await this.findActionableOrThrow(user, taskId);
    if (task.status !== 'open') throw new ConflictException({ message: `task ${taskId} is already ${task.status}` });
    const rep = await findActiveRepWithManager(this.db.manager, repId);
    if (!rep)
      throw new BadRequestException({
        message: 'invalid request body',
        issues: [{ field: 'repId', reason: 'no active rep with this id' }],
      });
    if (user.role === 'manager' && rep.manager_id !== user.id)
      throw new ForbiddenException('you may only reassign to reps of your team');
    await this.db.transaction(async (tx) => {
      await assignTask(tx, taskId, repId);
      await setOwner(tx, task.lead_id, repId);
      await addTaskActivity(tx, {
        taskId,
        kind: 'reassigned',
        actorId: user.id,
        body: reason,
        data: { from: task.assignee_id, to: repId },
      });
      // The reason is free text a manager typed (it may name the lead): it stays in the task's activity, not here.
      await recordAuditEntry(tx, {
        actor: { kind: 'user', id: user.id, label: user.email },
        action: 'lead.reassigned',
        entityType: 'lead',
        entityId: task.lead_id,
        before: { ownerId: task.assignee_id },
        after: { ownerId: repId, taskId },
      });
    });
  }

  async activityOrThrow(user: SessionUser, taskId: string): Promise<TaskActivityDto[]> {
    await this.findActionableOrThrow(user, taskId);
    const entries = await taskActivityOf(this.db.manager, taskId);
    return entries.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }));
  }

  private async addActivity(
    taskId: string,
    user: SessionUser,
    kind: TaskActivityDto['kind'],
    body: string | null,
    data: object,
  ): Promise<void> {
    await addTaskActivity(this.db.manager, { taskId, kind, actorId: user.id, body, data });
  }

  private async findActionableOrThrow(user: SessionUser, taskId: string): Promise<ActionableTask> {
    const task = isUuid(taskId) ? await findActionableTask(this.db.manager, taskId) : null;
    if (!task) throw new NotFoundException({ message: `task ${taskId} not found` });
    if (user.role === 'admin') return task;
    if (user.role === 'rep' && task.assignee_id === user.id) return task;
    if (user.role === 'manager' && (task.assignee_id === null || task.manager_id === user.id)) return task;
    throw new ForbiddenException('this task is not yours');
  }
}

import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/principal';
import { RunsService } from '../runs/runs.service';
import { InboxItemDto, TaskActivityDto } from './inbox.dto';
import { INBOX_SQL } from './inbox.sql';
import { describeWhyNow } from './why-now';

interface TaskRow {
  id: string;
  lead_id: string;
  assignee_id: string | null;
  status: string;
  manager_id: string | null;
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/**
 * The rep's task inbox. Reps see and act on their own tasks only; managers on the tasks of their teams' reps
 * (and unassigned ones); admins on all. Completion goes through the runs service, which signals the waiting run.
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runs: RunsService,
  ) {}

  async listOrThrow(user: SessionUser, query: { repId?: string; limit: number }, now = new Date()): Promise<InboxItemDto[]> {
    const repId = user.role === 'rep' ? user.id : (query.repId ?? null);
    if (user.role === 'rep' && query.repId && query.repId !== user.id) throw new ForbiddenException('reps see only their own inbox');
    const rows: Omit<InboxItemDto, 'whyNow'>[] = await this.db.query(INBOX_SQL, [repId, now, query.limit]);
    return rows.map((row) => ({ ...row, whyNow: describeWhyNow(row, now) }));
  }

  async completeOrThrow(user: SessionUser, taskId: string, outcome: string, note?: string) {
    const task = await this.findActionableOrThrow(user, taskId);
    if (task.status !== 'open') throw new ConflictException({ message: `task ${taskId} is already ${task.status}` });
    await this.db.query(`UPDATE tasks SET completed_by = $2 WHERE id = $1`, [taskId, user.id]);
    if (note) await this.addActivity(taskId, user, 'note', note, {});
    await this.addActivity(taskId, user, 'completed', null, { outcome });
    return this.runs.completeTask(taskId, outcome);
  }

  async snoozeOrThrow(user: SessionUser, taskId: string, until: Date, now = new Date()): Promise<void> {
    if (until <= now) throw new BadRequestException({ message: 'invalid request body', issues: [{ field: 'until', reason: 'must be in the future' }] });
    await this.findActionableOrThrow(user, taskId);
    await this.db.query(`UPDATE tasks SET snoozed_until = $2 WHERE id = $1 AND status = 'open'`, [taskId, until]);
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
    const [rep] = await this.db.query(
      `SELECT r.id, t.manager_id FROM reps r JOIN teams t ON t.id = r.team_id WHERE r.id = $1 AND r.active`,
      [repId],
    );
    if (!rep) throw new BadRequestException({ message: 'invalid request body', issues: [{ field: 'repId', reason: 'no active rep with this id' }] });
    if (user.role === 'manager' && rep.manager_id !== user.id) throw new ForbiddenException('you may only reassign to reps of your team');
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE tasks SET assignee_id = $2 WHERE id = $1`, [taskId, repId]);
      await tx.query(`UPDATE leads SET owner_id = $2, updated_at = now() WHERE id = $1`, [task.lead_id, repId]);
      await tx.query(
        `INSERT INTO task_activity (task_id, kind, actor_id, body, data) VALUES ($1, 'reassigned', $2, $3, $4)`,
        [taskId, user.id, reason, { from: task.assignee_id, to: repId }],
      );
    });
  }

  async activityOrThrow(user: SessionUser, taskId: string): Promise<TaskActivityDto[]> {
    await this.findActionableOrThrow(user, taskId);
    return this.db.query(
      `SELECT kind, actor_id AS "actorId", body, data, created_at AS "createdAt" FROM task_activity WHERE task_id = $1 ORDER BY id`,
      [taskId],
    );
  }

  private async addActivity(taskId: string, user: SessionUser, kind: TaskActivityDto['kind'], body: string | null, data: object): Promise<void> {
    await this.db.query(`INSERT INTO task_activity (task_id, kind, actor_id, body, data) VALUES ($1, $2, $3, $4, $5)`, [taskId, kind, user.id, body, data]);
  }

  private async findActionableOrThrow(user: SessionUser, taskId: string): Promise<TaskRow> {
    const [task]: TaskRow[] = isUuid(taskId)
      ? await this.db.query(
          `SELECT t.id, t.lead_id, t.assignee_id, t.status, tm.manager_id
             FROM tasks t LEFT JOIN reps r ON r.id = t.assignee_id LEFT JOIN teams tm ON tm.id = r.team_id
            WHERE t.id = $1`,
          [taskId],
        )
      : [];
    if (!task) throw new NotFoundException({ message: `task ${taskId} not found` });
    if (user.role === 'admin') return task;
    if (user.role === 'rep' && task.assignee_id === user.id) return task;
    if (user.role === 'manager' && (task.assignee_id === null || task.manager_id === user.id)) return task;
    throw new ForbiddenException('this task is not yours');
  }
}

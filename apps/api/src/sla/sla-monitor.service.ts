import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pickLeastLoaded, type Rep } from '@segflow/routing';
import { slaDueAt, splitTimeToFirstTouch, type WorkingCalendar } from '@segflow/sla';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { resolveRepCalendarOfRow, type RepCalendarSourcesRow, type SlaPolicyRow } from '@segflow/stores';
import { toSlaPolicy } from './sla-policy.dto';
import {
  BREACH_CONTEXT_SQL, CLAIM_BREACHES_SQL, FIRST_TOUCHES_SQL, INSERT_CLOCKS_SQL, RECORD_FIRST_TOUCHES_SQL, STALE_DUE_TIMES_SQL, TEAM_REPS_SQL,
  UNCLOCKED_ENTRIES_SQL, UPDATE_DUE_TIMES_SQL,
} from './sla-monitor.sql';

type PolicyWithOwnerCalendar = Pick<SlaPolicyRow, 'first_touch_minutes' | 'clock' | 'calendar'> & RepCalendarSourcesRow;

// A business clock counts in the calendar of the rep who owns the lead (rep → team → the policy's own calendar);
// a wall clock has none.
function ownerCalendarOf(row: PolicyWithOwnerCalendar): WorkingCalendar | undefined {
  if (row.clock !== 'business') return undefined;
  return resolveRepCalendarOfRow(row, row.calendar)?.calendar;
}

const withCalendar = (calendar: WorkingCalendar | undefined) => (calendar ? { calendar } : {});

const dueAtOf = (row: PolicyWithOwnerCalendar & { entered_at: string | Date }): string =>
  slaDueAt(toSlaPolicy(row), new Date(row.entered_at), ownerCalendarOf(row)).toISOString();

// One replica runs a tick at a time; the others skip it.
const SLA_TICK_LOCK = 7_640_000_002;

export interface SlaTickResult {
  clocksOpened: number;
  firstTouches: number;
  breaches: number;
}

/**
 * The real-time SLA check, run every SLA_CHECK_INTERVAL_MS: opens a clock for each segment entry under a policy
 * (due time from libs/sla: wall clock, or business time in the lead owner's calendar), recounts the due time of
 * running business clocks whose lead changed owner or whose owner's calendar changed, records first touches with
 * their system/human split, and escalates clocks that ran out: a notification to the manager and, if the policy
 * says so, reassignment.
 */
@Injectable()
export class SlaMonitorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SlaMonitor');
  private timer?: NodeJS.Timeout;
  private running?: Promise<SlaTickResult | null>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick().catch((e: Error) => this.logger.warn(`SLA check failed: ${e.message}`)), this.config.SLA_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; null when another replica holds the lock. Overlapping calls share the running pass. */
  tick(now = new Date()): Promise<SlaTickResult | null> {
    this.running ??= this.runTick(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private runTick(now: Date): Promise<SlaTickResult | null> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SLA_TICK_LOCK]);
      if (!locked) return null;
      const clocksOpened = await this.openClocks(tx, now);
      await this.recountDueTimes(tx);
      const firstTouches = await this.recordFirstTouches(tx);
      const breaches = await this.escalateBreaches(tx, now);
      return { clocksOpened, firstTouches, breaches };
    });
  }

  private async openClocks(tx: EntityManager, now: Date): Promise<number> {
    const entries = await tx.query(UNCLOCKED_ENTRIES_SQL, [now]);
    if (!entries.length) return 0;
    const rows = entries.map((e: any) => ({
      membership_id: e.membership_id, lead_id: e.lead_id, segment_id: e.segment_id, policy_id: e.policy_id, playbook_id: e.playbook_id,
      playbook_version: e.playbook_version, run_id: e.run_id, entered_at: e.entered_at, due_at: dueAtOf(e), owner_id: e.owner_id,
    }));
    await tx.query(INSERT_CLOCKS_SQL, [JSON.stringify(rows)]);
    return rows.length;
  }

  private async recountDueTimes(tx: EntityManager): Promise<void> {
    const stale = await tx.query(STALE_DUE_TIMES_SQL);
    if (!stale.length) return;
    const rows = stale.map((c: any) => ({ membership_id: c.membership_id, due_at: dueAtOf(c), owner_id: c.owner_id, calendar_epoch: c.calendar_epoch }));
    await tx.query(UPDATE_DUE_TIMES_SQL, [JSON.stringify(rows), rows.map((row: { membership_id: string }) => row.membership_id)]);
  }

  private async recordFirstTouches(tx: EntityManager): Promise<number> {
    const touched = await tx.query(FIRST_TOUCHES_SQL);
    if (!touched.length) return 0;
    const rows = touched.map((t: any) => {
      const enteredAt = new Date(t.entered_at);
      const isTask = t.kind === 'task';
      const calendar = ownerCalendarOf(t);
      // Measured from segment entry (the SLA's start), so the event → segment hop is not part of it.
      const split = splitTimeToFirstTouch(
        {
          eventAt: enteredAt,
          segmentEnteredAt: enteredAt,
          runStartedAt: t.run_started_at ? new Date(t.run_started_at) : enteredAt,
          touchOrTaskCreatedAt: new Date(t.created_at),
          ...(isTask ? { taskCompletedAt: new Date(t.touch_at) } : { firstTouchSentAt: new Date(t.touch_at) }),
        },
        calendar,
      );
      return {
        membership_id: t.membership_id, first_touch_at: t.touch_at, kind: t.kind, channel: t.channel, rep_id: t.rep_id,
        ttft_ms: split.total, system_delay_ms: split.systemDelayMs, human_delay_ms: split.humanDelayMs,
        run_id: t.run_id, playbook_id: t.playbook_id, playbook_version: t.playbook_version,
      };
    });
    await tx.query(RECORD_FIRST_TOUCHES_SQL, [JSON.stringify(rows), rows.map((row: { membership_id: string }) => row.membership_id)]);
    return rows.length;
  }

  private async escalateBreaches(tx: EntityManager, now: Date): Promise<number> {
    const [breached] = await tx.query(CLAIM_BREACHES_SQL, [now]);
    for (const clock of breached ?? []) {
      const [context] = await tx.query(BREACH_CONTEXT_SQL, [clock.lead_id, clock.segment_id, clock.policy_id]);
      if (!context) continue;
      const reassigned = context.reassign_on_breach && context.team_id ? await this.reassign(tx, context, now) : null;
      const lateBy = Math.round((now.getTime() - new Date(clock.due_at).getTime()) / 60_000);
      const body = `${context.lead_name} (${context.segment_name ?? 'segment'}) had no first touch by ${new Date(clock.due_at).toISOString()}` +
        `${context.owner_name ? `; owner ${context.owner_name}` : '; no owner'}${reassigned ? `; reassigned to ${reassigned}` : ''}.`;
      for (const userId of context.recipients ?? []) {
        await this.notifications.notify(tx, {
          userId, kind: 'sla_breach', title: `SLA breached: ${context.lead_name}`, body,
          data: { leadId: clock.lead_id, membershipId: clock.membership_id, segmentId: clock.segment_id, dueAt: clock.due_at, lateByMinutes: lateBy, reassignedTo: reassigned },
          dedupeKey: `sla-breach:${clock.membership_id}:${userId}`,
        });
      }
      await tx.query(`UPDATE sla_clocks SET escalated_at = $2 WHERE membership_id = $1`, [clock.membership_id, now]);
    }
    return breached?.length ?? 0;
  }

  // The least-loaded available teammate (libs/routing skips out-of-office, off-hours and full reps) takes the
  // lead's open tasks; returns their name, or null when nobody is available.
  private async reassign(tx: EntityManager, context: { lead_id: string; owner_id: string | null; team_id: string }, now: Date): Promise<string | null> {
    const rows = await tx.query(TEAM_REPS_SQL, [context.team_id, now]);
    const reps: Rep[] = rows
      .filter((r: any) => r.id !== context.owner_id)
      .map((r: any) => ({
        id: r.id, name: r.name, teamId: r.team_id, active: r.active, openTasks: r.open_tasks,
        ...(r.capacity ? { capacity: r.capacity } : {}),
        outOfOffice: r.out_of_office.map((o: any) => ({ from: new Date(o.from), to: new Date(o.to) })),
        ...withCalendar(resolveRepCalendarOfRow(r, null)?.calendar),
      }));
    const pick = pickLeastLoaded({ teamId: context.team_id, reps, now });
    if (!pick.ok) return null;
    const [moved] = await tx.query(
      `UPDATE tasks SET assignee_id = $2 WHERE lead_id = $1 AND status = 'open' RETURNING id`,
      [context.lead_id, pick.rep.id],
    );
    await tx.query(`UPDATE leads SET owner_id = $2, updated_at = now() WHERE id = $1`, [context.lead_id, pick.rep.id]);
    for (const task of moved ?? []) {
      await tx.query(`INSERT INTO task_activity (task_id, kind, body, data) VALUES ($1, 'reassigned', $2, $3)`, [
        task.id, `SLA breached: ${pick.detail}`, { from: context.owner_id, to: pick.rep.id },
      ]);
    }
    return pick.rep.name;
  }
}

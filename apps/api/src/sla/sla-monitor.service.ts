import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pickLeastLoaded, type Rep } from '@segflow/routing';
import { slaDueAt, splitTimeToFirstTouch, type WorkingCalendar } from '@segflow/sla';
import {
  addTaskActivity,
  assignOpenTasksOfLead,
  breachContext,
  claimBreaches,
  insertClocks,
  markClockEscalated,
  recordFirstTouches,
  staleClocks,
  teamRepsWithLoad,
  touchedClocks,
  tryLockSlaTick,
  unclockedEntries,
  updateDueTimes,
  type BreachContext,
  type PolicyClock,
  type RepCalendarSourcesRow,
  type TouchedClock,
} from '@segflow/stores';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { recordAuditEntry, resolveRepCalendarOfRow, setOwner, SYSTEM_ACTOR } from '@segflow/stores';
import { toSlaPolicy } from './sla-policy.dto';

type PolicyWithOwnerCalendar = PolicyClock & RepCalendarSourcesRow;

// A business clock counts in the calendar of the rep who owns the lead (rep → team → the policy's own calendar);
// a wall clock has none.
// (A clock whose policy is gone has no clock kind: it counts as a wall clock.)
function ownerCalendarOf(
  row: Pick<TouchedClock, 'clock' | 'calendar'> & RepCalendarSourcesRow,
): WorkingCalendar | undefined {
  if (row.clock !== 'business') return undefined;
  return resolveRepCalendarOfRow(row, row.calendar)?.calendar;
}

const withCalendar = (calendar: WorkingCalendar | undefined) => (calendar ? { calendar } : {});

const dueAtOf = (row: PolicyWithOwnerCalendar & { entered_at: Date }): string =>
  slaDueAt(toSlaPolicy(row), new Date(row.entered_at), ownerCalendarOf(row)).toISOString();

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
    this.timer = setInterval(
      () => void this.tick().catch((e: Error) => this.logger.warn(`SLA check failed: ${e.message}`)),
      this.config.SLA_CHECK_INTERVAL_MS,
    );
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
      if (!(await tryLockSlaTick(tx))) return null;
      const clocksOpened = await this.openClocks(tx, now);
      await this.recountDueTimes(tx);
      const firstTouches = await this.recordFirstTouches(tx);
      const breaches = await this.escalateBreaches(tx, now);
      return { clocksOpened, firstTouches, breaches };
    });
  }

  private async openClocks(tx: EntityManager, now: Date): Promise<number> {
    const entries = await unclockedEntries(tx, now);
    if (!entries.length) return 0;
    const rows = entries.map((e) => ({
      membership_id: e.membership_id,
      lead_id: e.lead_id,
      segment_id: e.segment_id,
      policy_id: e.policy_id,
      playbook_id: e.playbook_id,
      playbook_version: e.playbook_version,
      run_id: e.run_id,
      entered_at: e.entered_at,
      due_at: dueAtOf(e),
      owner_id: e.owner_id,
    }));
    await insertClocks(tx, rows);
    return rows.length;
  }

  private async recountDueTimes(tx: EntityManager): Promise<void> {
    const stale = await staleClocks(tx);
    if (!stale.length) return;
    await updateDueTimes(
      tx,
      stale.map((c) => ({
        membership_id: c.membership_id,
        due_at: dueAtOf(c),
        owner_id: c.owner_id,
        calendar_epoch: c.calendar_epoch,
      })),
    );
  }

  private async recordFirstTouches(tx: EntityManager): Promise<number> {
    const touched = await touchedClocks(tx);
    if (!touched.length) return 0;
    const rows = touched.map((t) => {
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
        membership_id: t.membership_id,
        first_touch_at: t.touch_at,
        kind: t.kind,
        channel: t.channel,
        rep_id: t.rep_id,
        ttft_ms: split.total,
        system_delay_ms: split.systemDelayMs,
        human_delay_ms: split.humanDelayMs,
        run_id: t.run_id,
        playbook_id: t.playbook_id,
        playbook_version: t.playbook_version,
      };
    });
    await recordFirstTouches(tx, rows);
    return rows.length;
  }

  private async escalateBreaches(tx: EntityManager, now: Date): Promise<number> {
    const breached = await claimBreaches(tx, now);
    for (const clock of breached) {
      const context = await breachContext(tx, clock);
      if (!context) continue;
      const reassigned =
        context.reassign_on_breach && context.team_id ? await this.reassign(tx, context, context.team_id, now) : null;
      const lateBy = Math.round((now.getTime() - new Date(clock.due_at).getTime()) / 60_000);
      const body =
        `${context.lead_name} (${context.segment_name ?? 'segment'}) had no first touch by ${new Date(clock.due_at).toISOString()}` +
        `${context.owner_name ? `; owner ${context.owner_name}` : '; no owner'}${reassigned ? `; reassigned to ${reassigned}` : ''}.`;
      for (const userId of context.recipients ?? []) {
        await this.notifications.notify(tx, {
          userId,
          kind: 'sla_breach',
          title: `SLA breached: ${context.lead_name}`,
          body,
          data: {
            leadId: clock.lead_id,
            membershipId: clock.membership_id,
            segmentId: clock.segment_id,
            dueAt: clock.due_at,
            lateByMinutes: lateBy,
            reassignedTo: reassigned,
          },
          dedupeKey: `sla-breach:${clock.membership_id}:${userId}`,
        });
      }
      await markClockEscalated(tx, clock.membership_id, now);
    }
    return breached.length;
  }

  // The least-loaded available teammate (libs/routing skips out-of-office, off-hours and full reps) takes the
  // lead's open tasks; returns their name, or null when nobody is available.
  private async reassign(tx: EntityManager, context: BreachContext, teamId: string, now: Date): Promise<string | null> {
    const rows = await teamRepsWithLoad(tx, teamId, now);
    const reps: Rep[] = rows
      .filter((r) => r.id !== context.owner_id)
      .map((r) => ({
        id: r.id,
        name: r.name,
        teamId: r.team_id,
        active: r.active,
        openTasks: r.open_tasks,
        ...(r.capacity ? { capacity: r.capacity } : {}),
        outOfOffice: (r.out_of_office ?? []).map((o) => ({ from: new Date(o.from), to: new Date(o.to) })),
        ...withCalendar(resolveRepCalendarOfRow(r, null)?.calendar),
      }));
    const pick = pickLeastLoaded({ teamId, reps, now });
    if (!pick.ok) return null;
    const moved = await assignOpenTasksOfLead(tx, context.lead_id, pick.rep.id);
    await setOwner(tx, context.lead_id, pick.rep.id);
    for (const taskId of moved) {
      await addTaskActivity(tx, {
        taskId,
        kind: 'reassigned',
        actorId: null,
        body: `SLA breached: ${pick.detail}`,
        data: { from: context.owner_id, to: pick.rep.id },
      });
    }
    await recordAuditEntry(tx, {
      actor: SYSTEM_ACTOR,
      action: 'lead.reassigned',
      entityType: 'lead',
      entityId: context.lead_id,
      before: { ownerId: context.owner_id },
      after: { ownerId: pick.rep.id, reason: 'sla_breach' },
    });
    return pick.rep.name;
  }
}

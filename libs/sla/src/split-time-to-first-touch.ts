import type { BusinessCalendar } from './business-calendar';
import { businessMinutesBetween } from './business-minutes-between';
import type { WorkingCalendar } from './working-calendar';

/** Timestamps of one lead's path from the triggering event to its first touch. */
export interface FirstTouchTimeline {
  /** When the lead entered the segment (membership opened). */
  segmentEnteredAt: Date;
  /** The event that moved the lead into the segment. */
  eventAt: Date;
  /** When the playbook run started. */
  runStartedAt: Date;
  /** When the first touch (automated) or first task (human) was created. */
  touchOrTaskCreatedAt: Date;
  /** When a rep completed that task; omit for automated touches. */
  taskCompletedAt?: Date;
  /** When the first touch actually left (provider accepted it), if known. */
  firstTouchSentAt?: Date;
}

/** Time to first touch, split into the part the system spent and the part people spent. */
export interface FirstTouchSplit {
  /** Event → first touch, in ms (business ms when a calendar is given). */
  total: number;
  /** Event → segment → run → touch/task created, plus any delivery after that; `total − humanDelayMs`. */
  systemDelayMs: number;
  /** Task created → task completed; 0 for automated touches. */
  humanDelayMs: number;
  /** Each hop, for dashboards that show where the time went. */
  stages: { eventToSegmentMs: number; segmentToRunMs: number; runToCreatedMs: number };
}

/**
 * Splits time-to-first-touch into system delay and human delay. The first touch happens at
 * `firstTouchSentAt` if known, else `taskCompletedAt`, else `touchOrTaskCreatedAt`.
 * With a `calendar`, every duration counts only business time (so a task created on Friday evening
 * and done on Monday morning shows minutes, not days). Out-of-order timestamps give negative stages
 * rather than being hidden.
 *
 * @example
 * splitTimeToFirstTouch({
 *   eventAt: new Date('2026-03-05T15:00:00.000Z'),
 *   segmentEnteredAt: new Date('2026-03-05T15:00:00.200Z'),
 *   runStartedAt: new Date('2026-03-05T15:00:01.000Z'),
 *   touchOrTaskCreatedAt: new Date('2026-03-05T15:00:02.000Z'),
 *   taskCompletedAt: new Date('2026-03-05T15:30:02.000Z'),
 * });
 * // { total: 1_802_000, systemDelayMs: 2_000, humanDelayMs: 1_800_000, stages: { … } }
 */
export function splitTimeToFirstTouch(
  timeline: FirstTouchTimeline,
  calendar?: BusinessCalendar | WorkingCalendar,
): FirstTouchSplit {
  const span = (from: Date, to: Date): number =>
    calendar ? businessMinutesBetween(calendar, from, to) * 60_000 : to.getTime() - from.getTime();
  const { eventAt, segmentEnteredAt, runStartedAt, touchOrTaskCreatedAt, taskCompletedAt, firstTouchSentAt } = timeline;
  const firstTouchAt = firstTouchSentAt ?? taskCompletedAt ?? touchOrTaskCreatedAt;
  const total = span(eventAt, firstTouchAt);
  const humanDelayMs = taskCompletedAt ? span(touchOrTaskCreatedAt, taskCompletedAt) : 0;
  return {
    total,
    systemDelayMs: total - humanDelayMs,
    humanDelayMs,
    stages: {
      eventToSegmentMs: span(eventAt, segmentEnteredAt),
      segmentToRunMs: span(segmentEnteredAt, runStartedAt),
      runToCreatedMs: span(runStartedAt, touchOrTaskCreatedAt),
    },
  };
}

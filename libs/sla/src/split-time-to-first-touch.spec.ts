import type { BusinessCalendar } from './business-calendar';
import { splitTimeToFirstTouch } from './split-time-to-first-touch';

const at = (iso: string): Date => new Date(iso);
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: [],
};
const berlin: BusinessCalendar = { ...newYork, timeZone: 'Europe/Berlin' };

describe('splitTimeToFirstTouch', () => {
  it('attributes all of an automated touch to the system', () => {
    const split = splitTimeToFirstTouch({
      eventAt: at('2026-03-05T15:00:00.000Z'),
      segmentEnteredAt: at('2026-03-05T15:00:00.040Z'),
      runStartedAt: at('2026-03-05T15:00:00.300Z'),
      touchOrTaskCreatedAt: at('2026-03-05T15:00:01.000Z'),
    });
    expect(split).toEqual({
      total: 1_000,
      systemDelayMs: 1_000,
      humanDelayMs: 0,
      stages: { eventToSegmentMs: 40, segmentToRunMs: 260, runToCreatedMs: 700 },
    });
  });

  it('counts provider delivery after creation as system delay', () => {
    const split = splitTimeToFirstTouch({
      eventAt: at('2026-03-05T15:00:00Z'),
      segmentEnteredAt: at('2026-03-05T15:00:00Z'),
      runStartedAt: at('2026-03-05T15:00:00Z'),
      touchOrTaskCreatedAt: at('2026-03-05T15:00:01Z'),
      firstTouchSentAt: at('2026-03-05T15:00:06Z'),
    });
    expect(split).toMatchObject({ total: 6_000, systemDelayMs: 6_000, humanDelayMs: 0 });
  });

  it('splits a task into system delay up to creation and human delay until done', () => {
    const split = splitTimeToFirstTouch({
      eventAt: at('2026-03-05T15:00:00Z'),
      segmentEnteredAt: at('2026-03-05T15:00:00.500Z'),
      runStartedAt: at('2026-03-05T15:00:01Z'),
      touchOrTaskCreatedAt: at('2026-03-05T15:00:02Z'),
      taskCompletedAt: at('2026-03-05T15:30:02Z'),
    });
    expect(split).toMatchObject({ total: 1_802_000, systemDelayMs: 2_000, humanDelayMs: 1_800_000 });
  });

  it('always has total = system + human, even with delivery after task completion', () => {
    const split = splitTimeToFirstTouch({
      eventAt: at('2026-03-05T15:00:00Z'),
      segmentEnteredAt: at('2026-03-05T15:00:00Z'),
      runStartedAt: at('2026-03-05T15:00:00Z'),
      touchOrTaskCreatedAt: at('2026-03-05T15:00:10Z'),
      taskCompletedAt: at('2026-03-05T15:10:10Z'),
      firstTouchSentAt: at('2026-03-05T15:10:15Z'),
    });
    expect(split).toMatchObject({ total: 615_000, systemDelayMs: 15_000, humanDelayMs: 600_000 });
  });

  it('measures a task across a weekend and the New York DST change in business time', () => {
    const timeline = {
      eventAt: at('2026-03-06T20:59:00Z'), // Friday 15:59 EST
      segmentEnteredAt: at('2026-03-06T20:59:30Z'),
      runStartedAt: at('2026-03-06T20:59:45Z'),
      touchOrTaskCreatedAt: at('2026-03-06T21:00:00Z'), // Friday 16:00 EST
      taskCompletedAt: at('2026-03-09T14:00:00Z'), // Monday 10:00 EDT
    };
    const wall = splitTimeToFirstTouch(timeline);
    expect(wall.humanDelayMs).toBe(65 * 3_600_000); // 66 wall-clock hours minus the skipped DST hour
    const business = splitTimeToFirstTouch(timeline, newYork);
    expect(business).toEqual({
      total: 121 * 60_000,
      systemDelayMs: 60_000,
      humanDelayMs: 120 * 60_000,
      stages: { eventToSegmentMs: 30_000, segmentToRunMs: 15_000, runToCreatedMs: 15_000 },
    });
  });

  it('measures system delay outside business hours as zero business time', () => {
    const split = splitTimeToFirstTouch(
      {
        eventAt: at('2026-10-24T10:00:00Z'), // Saturday, Berlin
        segmentEnteredAt: at('2026-10-24T10:00:01Z'),
        runStartedAt: at('2026-10-24T10:00:02Z'),
        touchOrTaskCreatedAt: at('2026-10-24T10:00:03Z'),
        taskCompletedAt: at('2026-10-26T08:45:00Z'), // Monday 09:45 CET, after the fall-back weekend
      },
      berlin,
    );
    expect(split).toMatchObject({ total: 45 * 60_000, systemDelayMs: 0, humanDelayMs: 45 * 60_000 });
  });

  it('reports out-of-order timestamps as negative stages', () => {
    const split = splitTimeToFirstTouch({
      eventAt: at('2026-03-05T15:00:01Z'),
      segmentEnteredAt: at('2026-03-05T15:00:00Z'),
      runStartedAt: at('2026-03-05T15:00:02Z'),
      touchOrTaskCreatedAt: at('2026-03-05T15:00:03Z'),
    });
    expect(split.stages.eventToSegmentMs).toBe(-1_000);
  });
});

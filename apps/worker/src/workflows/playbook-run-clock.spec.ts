import { interpreterNow, startClock, workflowMsUntil } from './playbook-run-clock';

describe('playbook run clock', () => {
  const start = new Date('2026-03-02T09:00:00Z');

  it('is the identity at scale 1', () => {
    const clock = startClock(1, start);
    expect(interpreterNow(clock, new Date('2026-03-05T10:00:00Z')).toISOString()).toBe('2026-03-05T10:00:00.000Z');
    expect(workflowMsUntil(clock, start, '2026-03-02T09:02:00Z')).toBe(120_000);
  });

  it('runs interpreter time scale times as fast', () => {
    const clock = startClock(60, start);
    expect(interpreterNow(clock, new Date(start.getTime() + 2_000)).toISOString()).toBe('2026-03-02T09:02:00.000Z');
    expect(workflowMsUntil(clock, start, '2026-03-02T09:03:00Z')).toBe(3_000);
  });

  it('never asks for a timer of zero or less', () => {
    const clock = startClock(60, start);
    expect(workflowMsUntil(clock, new Date(start.getTime() + 10_000), '2026-03-02T09:00:01Z')).toBe(1);
  });
});

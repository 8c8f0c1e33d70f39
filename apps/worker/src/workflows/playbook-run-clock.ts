import type { RunClock } from '@segflow/workflow-contracts';

/** A clock for a new run: interpreter time equals workflow time at the start, and runs `scale` times as fast. */
export function startClock(scale: number, at: Date): RunClock {
  const iso = at.toISOString();
  return { scale, realOrigin: iso, virtualOrigin: iso };
}

/** Interpreter time at the given workflow time (identity when `scale` is 1). */
export function interpreterNow(clock: RunClock, workflowNow: Date): Date {
  const elapsed = workflowNow.getTime() - Date.parse(clock.realOrigin);
  return new Date(Date.parse(clock.virtualOrigin) + elapsed * clock.scale);
}

/** Workflow milliseconds until interpreter time reaches `until` (at least 1, so a timer is always set). */
export function workflowMsUntil(clock: RunClock, workflowNow: Date, until: string): number {
  const remaining = Date.parse(until) - interpreterNow(clock, workflowNow).getTime();
  return Math.max(1, Math.ceil(remaining / clock.scale));
}

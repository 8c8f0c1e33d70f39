/** A task priority, as task nodes set it. */
export type TaskPriority = 'low' | 'normal' | 'high' | 'urgent';

/** What a task's place in the inbox depends on. */
export interface RankableTask {
  id: string;
  priority: TaskPriority | string;
  /** When the lead's first-touch SLA runs out (an open clock), else null. */
  slaDueAt: Date | null;
  /** Whether that clock is already missed. */
  slaBreached: boolean;
  /** The task's own due time. */
  dueAt: Date;
  /** How likely the lead is to convert, in [0, 1] (values outside are clamped). */
  likelihood: number;
}

/** Why a task sits where it does: the three parts of the rule, each in [0, 1], their weighted sum and a sentence. */
export interface TaskRank {
  value: number;
  urgency: number;
  priority: number;
  likelihood: number;
  why: string;
}

/** Weights of the ranking rule (they add up to 1, so a rank is in [0, 1]). */
export const RANK_WEIGHTS = { urgency: 0.5, priority: 0.25, likelihood: 0.25 } as const;

/** Urgency halves for every this many minutes left before the deadline. */
export const URGENCY_HALF_LIFE_MINUTES = 120;

/** What each priority is worth; an unknown priority counts as `normal`. */
export const PRIORITY_WEIGHTS: Readonly<Record<TaskPriority, number>> = {
  urgent: 1,
  high: 0.75,
  normal: 0.5,
  low: 0.25,
};

const MINUTE = 60_000;

/**
 * A task's rank at `now`: `0.5·urgency + 0.25·priority + 0.25·likelihood`, where
 * - urgency is 1 once the deadline passed (the lead's first-touch SLA if its clock runs, else the task's due time), and
 *   `2^(−minutes left / 120)` before it: 1 at the deadline, ½ two hours before, ¼ four hours before;
 * - priority is urgent 1, high 0.75, normal 0.5, low 0.25;
 * - likelihood is the lead's conversion likelihood in [0, 1].
 * Urgency weighs most because a missed first touch is lost for good; a likely buyer breaks ties between equally
 * urgent tasks and lifts a task above a slightly more urgent one for an unlikely buyer.
 *
 * @example
 * rankTask({ id: 't', priority: 'high', slaDueAt: null, slaBreached: false, dueAt: now, likelihood: 0.6 }, now).value;
 * // 0.5·1 + 0.25·0.75 + 0.25·0.6 = 0.8375
 */
export function rankTask(task: RankableTask, now: Date): TaskRank {
  const deadline = task.slaDueAt ?? task.dueAt;
  const minutesLeft = (deadline.getTime() - now.getTime()) / MINUTE;
  const missed = task.slaBreached || minutesLeft <= 0;
  const urgency = missed ? 1 : Math.pow(2, -minutesLeft / URGENCY_HALF_LIFE_MINUTES);
  const priority = PRIORITY_WEIGHTS[task.priority as TaskPriority] ?? PRIORITY_WEIGHTS.normal;
  const likelihood = Math.min(1, Math.max(0, task.likelihood));
  const value =
    RANK_WEIGHTS.urgency * urgency + RANK_WEIGHTS.priority * priority + RANK_WEIGHTS.likelihood * likelihood;
  const when = describeDeadline(task, minutesLeft, missed);
  const why = `${when} · ${task.priority} priority · ${Math.round(likelihood * 100)}% likely to convert`;
  return { value, urgency, priority, likelihood, why };
}

function describeDeadline(task: RankableTask, minutesLeft: number, missed: boolean): string {
  const span = formatMinutes(Math.abs(minutesLeft));
  if (task.slaDueAt) {
    if (!missed) return `first touch due in ${span}`;
    return minutesLeft <= 0 ? `first-touch SLA missed ${span} ago` : 'first-touch SLA missed';
  }
  return missed ? `task overdue by ${span}` : `task due in ${span}`;
}

function formatMinutes(minutes: number): string {
  return minutes < 120 ? `${Math.round(minutes)} min` : `${Math.round(minutes / 60)} h`;
}

/**
 * The tasks in inbox order, highest {@link rankTask} first; equal ranks go by the earlier deadline, then by id, so the
 * order is total and stable.
 *
 * @example
 * rankInboxTasks(tasks, now).map((t) => t.id); // most worth doing first
 */
export function rankInboxTasks<T extends RankableTask>(tasks: readonly T[], now: Date): Array<T & { rank: TaskRank }> {
  return tasks
    .map((task) => ({ ...task, rank: rankTask(task, now) }))
    .sort(
      (a, b) =>
        b.rank.value - a.rank.value ||
        (a.slaDueAt ?? a.dueAt).getTime() - (b.slaDueAt ?? b.dueAt).getTime() ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

import { checkRepAvailability } from './check-rep-availability';
import type { Rep } from './rep';
import { describeNoAvailableRep, describeSkipped, type SkippedRep, type TeamPick, teamMembers } from './team-pick';

/** Input of {@link pickLeastLoaded}. */
export interface LeastLoadedInput {
  teamId: string;
  reps: readonly Rep[];
  now: Date;
  /** Skip reps with at least this many open tasks. */
  capacityCap?: number;
}

/**
 * Chooses the available rep in a team with the fewest open tasks; ties go to the smallest rep id,
 * so the answer does not depend on input order.
 *
 * @example
 * const reps = [
 *   { id: 'r1', name: 'Asha', teamId: 'west', active: true, openTasks: 4 },
 *   { id: 'r2', name: 'Bala', teamId: 'west', active: true, openTasks: 2 },
 * ];
 * pickLeastLoaded({ teamId: 'west', reps, now: new Date() });
 * // { ok: true, rep: Bala, detail: 'Bala has the fewest open tasks (2)', skipped: [] }
 */
export function pickLeastLoaded(input: LeastLoadedInput): TeamPick {
  const skipped: SkippedRep[] = [];
  let best: Rep | undefined;
  for (const rep of teamMembers(input.reps, input.teamId)) {
    const why = checkRepAvailability(rep, input.now, input.capacityCap);
    if (why) skipped.push({ repId: rep.id, name: rep.name, why });
    else if (!best || rep.openTasks < best.openTasks) best = rep;
  }
  if (!best) return { ok: false, detail: describeNoAvailableRep(skipped), skipped };
  const detail = [`${best.name} has the fewest open tasks (${best.openTasks})`, describeSkipped(skipped)]
    .filter(Boolean)
    .join('; ');
  return { ok: true, rep: best, detail, skipped };
}

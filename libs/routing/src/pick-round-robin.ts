import { checkRepAvailability } from './check-rep-availability';
import type { Rep } from './rep';
import { describeNoAvailableRep, describeSkipped, type SkippedRep, type TeamPick, teamMembers } from './team-pick';

/** Input of {@link pickRoundRobin}. */
export interface RoundRobinInput {
  teamId: string;
  reps: readonly Rep[];
  /** Position (in the team ordered by rep id) of the next rep to try; absent starts the rotation. */
  cursor: number | undefined;
  now: Date;
}

/**
 * Chooses the next available rep in a team's rotation. Team members are ordered by id; starting at
 * `cursor` (modulo the team size, so a shrinking team still works) unavailable reps are skipped.
 * The returned `cursor` points just past the chosen rep.
 *
 * @example
 * const reps = [
 *   { id: 'r1', name: 'Asha', teamId: 'pune', active: true, openTasks: 0 },
 *   { id: 'r2', name: 'Bala', teamId: 'pune', active: true, openTasks: 0 },
 * ];
 * const pick = pickRoundRobin({ teamId: 'pune', reps, cursor: 1, now: new Date() });
 * // { ok: true, rep: Bala, cursor: 2, detail: 'next after Asha → Bala', skipped: [] }
 */
export function pickRoundRobin(input: RoundRobinInput): TeamPick {
  const members = teamMembers(input.reps, input.teamId);
  const start = modulo(input.cursor ?? 0, Math.max(members.length, 1));
  const skipped: SkippedRep[] = [];
  for (let step = 0; step < members.length; step += 1) {
    const index = (start + step) % members.length;
    const rep = members[index] as Rep;
    const why = checkRepAvailability(rep, input.now);
    if (why) {
      skipped.push({ repId: rep.id, name: rep.name, why });
      continue;
    }
    const previous = input.cursor === undefined ? undefined : members[modulo(start - 1, members.length)];
    const position = previous ? `next after ${previous.name}` : 'start of rotation';
    const detail = [`${position} → ${rep.name}`, describeSkipped(skipped)].filter(Boolean).join('; ');
    return { ok: true, rep, detail, skipped, cursor: (index + 1) % members.length };
  }
  return { ok: false, detail: describeNoAvailableRep(skipped), skipped };
}

function modulo(value: number, size: number): number {
  return ((Math.trunc(value) % size) + size) % size;
}

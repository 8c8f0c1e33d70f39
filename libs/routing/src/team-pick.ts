import { describeUnavailability, type RepUnavailability } from './check-rep-availability';
import type { Rep } from './rep';

/** A rep that was passed over, and why. */
export interface SkippedRep {
  repId: string;
  name: string;
  why: RepUnavailability;
}

/** The outcome of choosing a rep inside one team; `detail` is a human phrase. */
export type TeamPick =
  | { ok: true; rep: Rep; detail: string; skipped: SkippedRep[]; cursor?: number }
  | { ok: false; detail: string; skipped: SkippedRep[] };

/**
 * The reps of a team in a stable order (by id), so rotation does not depend on how the caller listed them.
 *
 * @example
 * teamMembers([{ id: 'b', teamId: 't' }, { id: 'a', teamId: 't' }, { id: 'c', teamId: 'u' }] as Rep[], 't').map((r) => r.id);
 * // ['a', 'b']
 */
export function teamMembers(reps: readonly Rep[], teamId: string): Rep[] {
  return reps.filter((rep) => rep.teamId === teamId).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Describes skipped reps for a routing reason, e.g. `skipped Asha: inactive; Bala: outside working hours`.
 * Empty when nobody was skipped.
 *
 * @example
 * describeSkipped([{ repId: 'r1', name: 'Asha', why: { kind: 'inactive' } }]); // 'skipped Asha: inactive'
 */
export function describeSkipped(skipped: readonly SkippedRep[]): string {
  if (skipped.length === 0) return '';
  return `skipped ${skipped.map((entry) => `${entry.name}: ${describeUnavailability(entry.why)}`).join('; ')}`;
}

/**
 * Describes a team where nobody can take the lead.
 *
 * @example
 * describeNoAvailableRep([]); // 'no reps in the team'
 */
export function describeNoAvailableRep(skipped: readonly SkippedRep[]): string {
  return skipped.length === 0 ? 'no reps in the team' : `no available rep (${describeSkipped(skipped)})`;
}

import { type LeadLocation, matchTerritory } from './match-territory';
import { pickLeastLoaded } from './pick-least-loaded';
import { pickRoundRobin } from './pick-round-robin';
import type { Rep } from './rep';
import type { RouteRule, TerritoryRule } from './route-rule';
import type { SkippedRep, TeamPick } from './team-pick';

/** Round-robin positions per team id, persisted by the caller between decisions. */
export type RoundRobinCursor = Record<string, number>;

/** Input of {@link chooseOwner}. */
export interface ChooseOwnerInput {
  rule: RouteRule;
  lead: LeadLocation;
  reps: readonly Rep[];
  roundRobinCursor: RoundRobinCursor;
  now: Date;
  /** Display names of teams for the reason; the team id is used when a name is missing. */
  teamNames?: Record<string, string>;
}

/**
 * The routing decision: an owner with the next cursor to store, or why nobody could be chosen.
 * `skipped` lists every rep passed over, as data, in the order they were considered.
 *
 * @example
 * const decision: OwnerDecision = { ok: false, reason: 'round robin in team West: no reps in the team', skipped: [] };
 */
export type OwnerDecision =
  | { ok: true; repId: string; teamId: string; reason: string; nextCursor: RoundRobinCursor; skipped: SkippedRep[] }
  | { ok: false; reason: string; skipped: SkippedRep[] };

interface Context {
  input: ChooseOwnerInput;
  teamName: (teamId: string) => string;
}

/**
 * Chooses the owner of a lead for a playbook `route` node. Reps who are inactive, out of office at `now`,
 * outside their working hours or at capacity are skipped, and every skip is named in the reason.
 * `territory` picks a team (city before country, case-insensitive, else the fallback team) and then
 * rotates within it; if the matched team has nobody available, the fallback team is tried.
 * Only round robin advances `nextCursor`; the input cursor is never mutated.
 *
 * @example
 * const reps = [
 *   { id: 'r1', name: 'Asha', teamId: 'pune', active: true, openTasks: 0 },
 *   { id: 'r2', name: 'Bala', teamId: 'pune', active: true, openTasks: 0 },
 * ];
 * chooseOwner({
 *   rule: { kind: 'roundRobin', teamId: 'pune' },
 *   lead: {},
 *   reps,
 *   roundRobinCursor: { pune: 1 },
 *   now: new Date('2026-05-04T06:00:00Z'),
 *   teamNames: { pune: 'Pune Inbound' },
 * });
 * // { ok: true, repId: 'r2', teamId: 'pune', nextCursor: { pune: 0 }, skipped: [],
 * //   reason: 'round robin in team Pune Inbound: next after Asha → Bala' }
 */
export function chooseOwner(input: ChooseOwnerInput): OwnerDecision {
  const context: Context = { input, teamName: (teamId) => input.teamNames?.[teamId] ?? teamId };
  const { rule } = input;
  switch (rule.kind) {
    case 'roundRobin':
      return decide(context, rule.teamId, roundRobinIn(context, rule.teamId), '');
    case 'leastLoaded': {
      const pick = pickLeastLoaded({
        teamId: rule.teamId,
        reps: input.reps,
        now: input.now,
        capacityCap: rule.capacityCap,
      });
      return decide(context, rule.teamId, labelled(pick, `least loaded in team ${context.teamName(rule.teamId)}`), '');
    }
    case 'territory':
      return chooseByTerritory(context, rule);
  }
}

function chooseByTerritory(context: Context, rule: TerritoryRule): OwnerDecision {
  const match = matchTerritory(rule, context.input.lead);
  const prefix = `territory ${match.detail} → team ${context.teamName(match.teamId)}; `;
  const matched = decide(context, match.teamId, roundRobinIn(context, match.teamId), prefix);
  if (matched.ok || match.teamId === rule.fallbackTeamId) return matched;
  const fallbackPrefix = `${matched.reason} → fallback team ${context.teamName(rule.fallbackTeamId)}; `;
  const fallback = decide(context, rule.fallbackTeamId, roundRobinIn(context, rule.fallbackTeamId), fallbackPrefix);
  return { ...fallback, skipped: [...matched.skipped, ...fallback.skipped] };
}

function roundRobinIn(context: Context, teamId: string): TeamPick {
  const { reps, now, roundRobinCursor } = context.input;
  const pick = pickRoundRobin({ teamId, reps, now, cursor: roundRobinCursor[teamId] });
  return labelled(pick, `round robin in team ${context.teamName(teamId)}`);
}

function labelled(pick: TeamPick, label: string): TeamPick {
  return { ...pick, detail: `${label}: ${pick.detail}` };
}

function decide(context: Context, teamId: string, pick: TeamPick, prefix: string): OwnerDecision {
  const reason = `${prefix}${pick.detail}`;
  if (!pick.ok) return { ok: false, reason, skipped: pick.skipped };
  const cursor = context.input.roundRobinCursor;
  const nextCursor = pick.cursor === undefined ? { ...cursor } : { ...cursor, [teamId]: pick.cursor };
  return { ok: true, repId: pick.rep.id, teamId, reason, nextCursor, skipped: pick.skipped };
}

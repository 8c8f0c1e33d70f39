import { z } from 'zod';

/** Rotate through the team's available reps (ordered by rep id). */
export interface RoundRobinRule {
  kind: 'roundRobin';
  teamId: string;
}

/** One territory: a city and/or country mapped to a team. */
export interface TerritoryMatch {
  country?: string;
  city?: string;
  teamId: string;
}

/** Pick a team by the lead's city, else country, else `fallbackTeamId`; then round robin in that team. */
export interface TerritoryRule {
  kind: 'territory';
  rules: TerritoryMatch[];
  fallbackTeamId: string;
}

/** Give the lead to the team's available rep with the fewest open tasks. */
export interface LeastLoadedRule {
  kind: 'leastLoaded';
  teamId: string;
  /** Skip reps with at least this many open tasks, on top of each rep's own capacity. */
  capacityCap?: number;
}

/**
 * How a playbook `route` node chooses an owner.
 *
 * @example
 * const byTerritory: RouteRule = { kind: 'territory', rules: [{ city: 'Pune', teamId: 'west' }], fallbackTeamId: 'global' };
 * const byLoad: RouteRule = { kind: 'leastLoaded', teamId: 'west', capacityCap: 25 };
 */
export type RouteRule = RoundRobinRule | TerritoryRule | LeastLoadedRule;

const teamId = z.string().trim().min(1);

const territoryMatchSchema = z
  .object({ country: z.string().trim().min(1).optional(), city: z.string().trim().min(1).optional(), teamId })
  .refine((match) => match.country !== undefined || match.city !== undefined, {
    message: 'a territory needs a country or a city',
  });

/**
 * Zod schema for {@link RouteRule}, discriminated on `kind`.
 *
 * @example
 * routeRuleSchema.safeParse({ kind: 'roundRobin', teamId: 'pune-inbound' }).success; // true
 * routeRuleSchema.safeParse({
 *   kind: 'territory',
 *   rules: [{ city: 'Pune', teamId: 'west' }, { country: 'IN', teamId: 'india' }],
 *   fallbackTeamId: 'global',
 * }).success; // true
 * routeRuleSchema.safeParse({ kind: 'leastLoaded', teamId: 'west', capacityCap: 0 }).success; // false
 */
export const routeRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('roundRobin'), teamId }),
  z.object({ kind: z.literal('territory'), rules: z.array(territoryMatchSchema), fallbackTeamId: teamId }),
  z.object({ kind: z.literal('leastLoaded'), teamId, capacityCap: z.number().int().positive().optional() }),
]) satisfies z.ZodType<RouteRule>;

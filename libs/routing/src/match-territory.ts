import type { TerritoryRule } from './route-rule';

/** The lead's location, as captured on the lead. */
export interface LeadLocation {
  country?: string;
  city?: string;
}

/** Which team a territory rule sends a lead to, and on what grounds (a human phrase). */
export interface TerritoryMatchResult {
  teamId: string;
  matchedBy: 'city' | 'country' | 'fallback';
  detail: string;
}

function normalize(value: string | undefined): string | undefined {
  const trimmed = value?.normalize('NFC').trim().toLowerCase();
  return trimmed ? trimmed : undefined;
}

/**
 * Finds the team for a lead: the first rule whose city matches (and whose country, if set, matches too),
 * else the first country-only rule whose country matches, else `fallbackTeamId`.
 * Matching ignores case and surrounding spaces.
 *
 * @example
 * const rule = {
 *   kind: 'territory' as const,
 *   rules: [{ country: 'IN', teamId: 'india' }, { city: 'Pune', teamId: 'west' }],
 *   fallbackTeamId: 'global',
 * };
 * matchTerritory(rule, { country: 'in', city: 'PUNE' });
 * // { teamId: 'west', matchedBy: 'city', detail: 'city=PUNE' }
 */
export function matchTerritory(rule: TerritoryRule, lead: LeadLocation): TerritoryMatchResult {
  const city = normalize(lead.city);
  const country = normalize(lead.country);
  const byCity = rule.rules.find(
    (match) =>
      city !== undefined &&
      normalize(match.city) === city &&
      (match.country === undefined || normalize(match.country) === country),
  );
  if (byCity) return { teamId: byCity.teamId, matchedBy: 'city', detail: `city=${lead.city?.trim()}` };
  const byCountry = rule.rules.find(
    (match) => match.city === undefined && country !== undefined && normalize(match.country) === country,
  );
  if (byCountry) return { teamId: byCountry.teamId, matchedBy: 'country', detail: `country=${lead.country?.trim()}` };
  const where = [city && `city=${lead.city?.trim()}`, country && `country=${lead.country?.trim()}`]
    .filter(Boolean)
    .join(', ');
  return {
    teamId: rule.fallbackTeamId,
    matchedBy: 'fallback',
    detail: `no territory for ${where || 'an unknown location'}`,
  };
}

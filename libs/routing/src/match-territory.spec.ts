import { type LeadLocation, matchTerritory, type TerritoryMatchResult } from './match-territory';
import type { TerritoryRule } from './route-rule';

const rule: TerritoryRule = {
  kind: 'territory',
  rules: [
    { country: 'IN', teamId: 'india' },
    { city: 'Pune', teamId: 'west' },
    { city: 'Springfield', country: 'US', teamId: 'us-springfield' },
    { country: 'DE', teamId: 'dach' },
  ],
  fallbackTeamId: 'global',
};

describe('matchTerritory', () => {
  it.each<[string, LeadLocation, TerritoryMatchResult]>([
    [
      'city before country, whatever the rule order',
      { country: 'IN', city: 'Pune' },
      { teamId: 'west', matchedBy: 'city', detail: 'city=Pune' },
    ],
    [
      'city case-insensitively, with spaces trimmed',
      { city: '  pUNE ' },
      { teamId: 'west', matchedBy: 'city', detail: 'city=pUNE' },
    ],
    [
      'country when the city has no rule',
      { country: 'in', city: 'Mumbai' },
      { teamId: 'india', matchedBy: 'country', detail: 'country=in' },
    ],
    [
      'a city rule only in its own country',
      { country: 'US', city: 'springfield' },
      { teamId: 'us-springfield', matchedBy: 'city', detail: 'city=springfield' },
    ],
    [
      'not a city rule in another country',
      { country: 'DE', city: 'Springfield' },
      { teamId: 'dach', matchedBy: 'country', detail: 'country=DE' },
    ],
    [
      'the fallback for an unknown place',
      { country: 'FR', city: 'Lyon' },
      { teamId: 'global', matchedBy: 'fallback', detail: 'no territory for city=Lyon, country=FR' },
    ],
    [
      'the fallback for a lead without location',
      {},
      { teamId: 'global', matchedBy: 'fallback', detail: 'no territory for an unknown location' },
    ],
    [
      'the fallback for blank fields',
      { city: ' ', country: '' },
      { teamId: 'global', matchedBy: 'fallback', detail: 'no territory for an unknown location' },
    ],
  ])('matches %s', (_label, lead, expected) => {
    expect(matchTerritory(rule, lead)).toEqual(expected);
  });
});

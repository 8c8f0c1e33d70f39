import { routeRuleSchema } from './route-rule';

describe('routeRuleSchema', () => {
  it.each([
    ['round robin', { kind: 'roundRobin', teamId: 'pune' }],
    [
      'territory',
      {
        kind: 'territory',
        rules: [
          { city: 'Pune', teamId: 'west' },
          { country: 'IN', teamId: 'india' },
        ],
        fallbackTeamId: 'global',
      },
    ],
    ['territory with only a fallback', { kind: 'territory', rules: [], fallbackTeamId: 'global' }],
    ['least loaded', { kind: 'leastLoaded', teamId: 'west' }],
    ['least loaded with a cap', { kind: 'leastLoaded', teamId: 'west', capacityCap: 20 }],
  ])('accepts %s', (_label, input) => {
    expect(routeRuleSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ['an unknown kind', { kind: 'random', teamId: 'pune' }, ['kind']],
    ['an empty team id', { kind: 'roundRobin', teamId: ' ' }, ['teamId']],
    [
      'a territory without city or country',
      { kind: 'territory', rules: [{ teamId: 'west' }], fallbackTeamId: 'g' },
      ['rules', 0],
    ],
    ['a territory without fallback', { kind: 'territory', rules: [] }, ['fallbackTeamId']],
    ['a zero cap', { kind: 'leastLoaded', teamId: 'west', capacityCap: 0 }, ['capacityCap']],
    ['a fractional cap', { kind: 'leastLoaded', teamId: 'west', capacityCap: 2.5 }, ['capacityCap']],
  ])('rejects %s, naming the field', (_label, input, path) => {
    const result = routeRuleSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});

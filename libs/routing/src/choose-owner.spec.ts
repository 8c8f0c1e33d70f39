import type { BusinessCalendar } from '@segflow/sla';
import { chooseOwner, type ChooseOwnerInput, type OwnerDecision } from './choose-owner';
import type { Rep } from './rep';
import type { RouteRule } from './route-rule';

const kolkata: BusinessCalendar = {
  timeZone: 'Asia/Kolkata',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:30', end: '18:30' },
  holidays: [],
};
const now = new Date('2026-05-04T06:00:00Z'); // Monday 11:30 IST
const rep = (id: string, name: string, teamId: string, extra: Partial<Rep> = {}): Rep => ({
  id,
  name,
  teamId,
  active: true,
  openTasks: 0,
  calendar: kolkata,
  ...extra,
});
const asha = rep('r1', 'Asha', 'pune');
const bala = rep('r2', 'Bala', 'pune');
const chen = rep('r3', 'Chen', 'pune');
const dev = rep('r4', 'Dev', 'west', { openTasks: 4 });
const esha = rep('r5', 'Esha', 'west', { openTasks: 2 });
const farah = rep('r6', 'Farah', 'global', { calendar: undefined });
const teamNames = { pune: 'Pune Inbound', west: 'West', global: 'Global' };
const territory: RouteRule = {
  kind: 'territory',
  rules: [
    { country: 'IN', teamId: 'pune' },
    { city: 'Pune', teamId: 'west' },
  ],
  fallbackTeamId: 'global',
};

const decide = (overrides: Partial<ChooseOwnerInput>): OwnerDecision =>
  chooseOwner({
    rule: { kind: 'roundRobin', teamId: 'pune' },
    lead: {},
    reps: [asha, bala, chen, dev, esha, farah],
    roundRobinCursor: { pune: 1 },
    now,
    teamNames,
    ...overrides,
  });

describe('chooseOwner', () => {
  it.each<[string, Partial<ChooseOwnerInput>, string, string]>([
    ['round robin: next in rotation', {}, 'r2', 'round robin in team Pune Inbound: next after Asha → Bala'],
    [
      'round robin: first decision for a team',
      { roundRobinCursor: {} },
      'r1',
      'round robin in team Pune Inbound: start of rotation → Asha',
    ],
    [
      'round robin: skips an inactive rep',
      { reps: [asha, { ...bala, active: false }, chen] },
      'r3',
      'round robin in team Pune Inbound: next after Asha → Chen; skipped Bala: inactive',
    ],
    [
      'round robin: skips a rep out of office',
      {
        reps: [
          asha,
          { ...bala, outOfOffice: [{ from: new Date('2026-05-01T00:00:00Z'), to: new Date('2026-05-08T00:00:00Z') }] },
          chen,
        ],
      },
      'r3',
      'round robin in team Pune Inbound: next after Asha → Chen; skipped Bala: out of office until 2026-05-08T00:00:00.000Z',
    ],
    [
      'round robin: skips a rep outside working hours',
      { reps: [asha, { ...bala, calendar: { ...kolkata, timeZone: 'America/New_York' } }, chen] },
      'r3',
      'round robin in team Pune Inbound: next after Asha → Chen; skipped Bala: outside working hours',
    ],
    [
      'round robin: skips a rep at capacity',
      { reps: [asha, { ...bala, capacity: 5, openTasks: 5 }, chen] },
      'r3',
      'round robin in team Pune Inbound: next after Asha → Chen; skipped Bala: at capacity (5/5 open tasks)',
    ],
    [
      'round robin: uses the team id without a name',
      { teamNames: undefined },
      'r2',
      'round robin in team pune: next after Asha → Bala',
    ],
    [
      'least loaded',
      { rule: { kind: 'leastLoaded', teamId: 'west' } },
      'r5',
      'least loaded in team West: Esha has the fewest open tasks (2)',
    ],
    [
      'least loaded: the rule cap skips an overloaded rep',
      { rule: { kind: 'leastLoaded', teamId: 'west', capacityCap: 3 } },
      'r5',
      'least loaded in team West: Esha has the fewest open tasks (2); skipped Dev: at capacity (4/3 open tasks)',
    ],
    [
      'least loaded: a rep at own capacity is skipped even with fewer tasks',
      { rule: { kind: 'leastLoaded', teamId: 'west' }, reps: [dev, { ...esha, capacity: 2 }] },
      'r4',
      'least loaded in team West: Dev has the fewest open tasks (4); skipped Esha: at capacity (2/2 open tasks)',
    ],
    [
      'territory: city before country',
      { rule: territory, lead: { country: 'IN', city: 'pune' }, roundRobinCursor: {} },
      'r4',
      'territory city=pune → team West; round robin in team West: start of rotation → Dev',
    ],
    [
      'territory: country',
      { rule: territory, lead: { country: 'in', city: 'Nagpur' } },
      'r2',
      'territory country=in → team Pune Inbound; round robin in team Pune Inbound: next after Asha → Bala',
    ],
    [
      'territory: fallback team',
      { rule: territory, lead: { country: 'FR' } },
      'r6',
      'territory no territory for country=FR → team Global; round robin in team Global: start of rotation → Farah',
    ],
  ])('%s', (_label, overrides, repId, reason) => {
    expect(decide(overrides)).toMatchObject({ ok: true, repId, reason });
  });

  it('returns the skipped reps as data', () => {
    const decision = decide({ reps: [asha, { ...bala, active: false }, chen] });
    expect(decision.skipped).toEqual([{ repId: 'r2', name: 'Bala', why: { kind: 'inactive' } }]);
  });

  it('advances only the chosen team cursor and leaves the input untouched', () => {
    const roundRobinCursor = { pune: 2, west: 7 };
    const decision = decide({ roundRobinCursor });
    expect(decision).toMatchObject({ ok: true, repId: 'r3', teamId: 'pune', nextCursor: { pune: 0, west: 7 } });
    expect(roundRobinCursor).toEqual({ pune: 2, west: 7 });
  });

  it('keeps the cursor for least loaded', () => {
    expect(decide({ rule: { kind: 'leastLoaded', teamId: 'west' } })).toMatchObject({ nextCursor: { pune: 1 } });
  });

  it('falls back when the matched territory team has nobody available', () => {
    const decision = decide({
      rule: territory,
      lead: { city: 'Pune' },
      reps: [{ ...dev, active: false }, esha, farah].map((r) => (r.teamId === 'west' ? { ...r, active: false } : r)),
    });
    expect(decision).toMatchObject({
      ok: true,
      repId: 'r6',
      teamId: 'global',
      nextCursor: { pune: 1, global: 0 },
      reason:
        'territory city=Pune → team West; round robin in team West: no available rep (skipped Dev: inactive; Esha: inactive)' +
        ' → fallback team Global; round robin in team Global: start of rotation → Farah',
    });
    expect(decision.skipped.map((s) => s.repId)).toEqual(['r4', 'r5']);
  });

  it.each<[string, Partial<ChooseOwnerInput>, string]>([
    [
      'everybody in the team is unavailable',
      { reps: [{ ...asha, active: false }] },
      'round robin in team Pune Inbound: no available rep (skipped Asha: inactive)',
    ],
    [
      'the team has no reps',
      { rule: { kind: 'roundRobin', teamId: 'ghost' } },
      'round robin in team ghost: no reps in the team',
    ],
    [
      'nobody after hours, in the territory team or the fallback',
      { rule: territory, lead: { city: 'Pune' }, reps: [dev], now: new Date('2026-05-04T15:00:00Z') },
      'territory city=Pune → team West; round robin in team West: no available rep (skipped Dev: outside working hours) → fallback team Global; round robin in team Global: no reps in the team',
    ],
    [
      'least loaded with every rep at the cap',
      { rule: { kind: 'leastLoaded', teamId: 'west', capacityCap: 1 } },
      'least loaded in team West: no available rep (skipped Dev: at capacity (4/1 open tasks); Esha: at capacity (2/1 open tasks))',
    ],
  ])('fails with a reason when %s', (_label, overrides, reason) => {
    expect(decide(overrides)).toMatchObject({ ok: false, reason });
  });
});

import type { Rep } from './rep';
import { describeNoAvailableRep, describeSkipped, teamMembers } from './team-pick';

const rep = (id: string, teamId: string): Rep => ({ id, name: id.toUpperCase(), teamId, active: true, openTasks: 0 });

describe('teamMembers', () => {
  it('keeps only the team and orders by id', () => {
    expect(teamMembers([rep('b', 't'), rep('c', 'u'), rep('a', 't')], 't').map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('describeSkipped', () => {
  it('is empty when nobody was skipped', () => {
    expect(describeSkipped([])).toBe('');
  });

  it('names each skipped rep and why', () => {
    expect(
      describeSkipped([
        { repId: 'r1', name: 'Asha', why: { kind: 'inactive' } },
        { repId: 'r2', name: 'Bala', why: { kind: 'outsideWorkingHours' } },
      ]),
    ).toBe('skipped Asha: inactive; Bala: outside working hours');
  });
});

describe('describeNoAvailableRep', () => {
  it('distinguishes an empty team from an unavailable one', () => {
    expect(describeNoAvailableRep([])).toBe('no reps in the team');
    expect(describeNoAvailableRep([{ repId: 'r1', name: 'Asha', why: { kind: 'inactive' } }])).toBe(
      'no available rep (skipped Asha: inactive)',
    );
  });
});

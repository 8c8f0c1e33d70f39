import { pickRoundRobin } from './pick-round-robin';
import type { Rep } from './rep';

const now = new Date('2026-05-04T06:00:00Z');
const asha: Rep = { id: 'r1', name: 'Asha', teamId: 'pune', active: true, openTasks: 0 };
const bala: Rep = { id: 'r2', name: 'Bala', teamId: 'pune', active: true, openTasks: 0 };
const chen: Rep = { id: 'r3', name: 'Chen', teamId: 'pune', active: true, openTasks: 0 };
const other: Rep = { id: 'r0', name: 'Omar', teamId: 'west', active: true, openTasks: 0 };
const team = [chen, other, asha, bala];

describe('pickRoundRobin', () => {
  it.each<[string, readonly Rep[], number | undefined, string, number, string]>([
    ['starts the rotation with the smallest id', team, undefined, 'r1', 1, 'start of rotation → Asha'],
    ['takes the rep at the cursor', team, 1, 'r2', 2, 'next after Asha → Bala'],
    ['wraps around the end', team, 3, 'r1', 1, 'next after Chen → Asha'],
    ['reduces a stale cursor modulo the team size', team, 4, 'r2', 2, 'next after Asha → Bala'],
    [
      'skips an unavailable rep',
      [asha, { ...bala, active: false }, chen],
      1,
      'r3',
      0,
      'next after Asha → Chen; skipped Bala: inactive',
    ],
    [
      'skips several and wraps',
      [asha, { ...bala, active: false }, { ...chen, capacity: 0 }],
      1,
      'r1',
      1,
      'next after Asha → Asha; skipped Bala: inactive; Chen: at capacity (0/0 open tasks)',
    ],
  ])('%s', (_label, reps, cursor, repId, nextCursor, detail) => {
    const pick = pickRoundRobin({ teamId: 'pune', reps, cursor, now });
    expect(pick).toMatchObject({ ok: true, rep: { id: repId }, cursor: nextCursor, detail });
  });

  it('fails when everybody is unavailable', () => {
    const pick = pickRoundRobin({ teamId: 'pune', reps: [{ ...asha, active: false }], cursor: 0, now });
    expect(pick).toEqual({
      ok: false,
      detail: 'no available rep (skipped Asha: inactive)',
      skipped: [{ repId: 'r1', name: 'Asha', why: { kind: 'inactive' } }],
    });
  });

  it('fails for a team without reps', () => {
    expect(pickRoundRobin({ teamId: 'ghost', reps: team, cursor: 0, now })).toEqual({
      ok: false,
      detail: 'no reps in the team',
      skipped: [],
    });
  });

  it('rotates evenly over consecutive calls', () => {
    let cursor: number | undefined;
    const chosen: string[] = [];
    for (let call = 0; call < 6; call += 1) {
      const pick = pickRoundRobin({ teamId: 'pune', reps: team, cursor, now });
      if (!pick.ok) throw new Error('expected a pick');
      chosen.push(pick.rep.name);
      cursor = pick.cursor;
    }
    expect(chosen).toEqual(['Asha', 'Bala', 'Chen', 'Asha', 'Bala', 'Chen']);
  });
});

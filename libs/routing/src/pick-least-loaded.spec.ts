import { pickLeastLoaded } from './pick-least-loaded';
import type { Rep } from './rep';

const now = new Date('2026-05-04T06:00:00Z');
const rep = (id: string, name: string, openTasks: number, extra: Partial<Rep> = {}): Rep => ({
  id,
  name,
  teamId: 'west',
  active: true,
  openTasks,
  ...extra,
});

describe('pickLeastLoaded', () => {
  it.each<[string, Rep[], number | undefined, string, string]>([
    [
      'picks the fewest open tasks',
      [rep('r1', 'Asha', 4), rep('r2', 'Bala', 2), rep('r3', 'Chen', 3)],
      undefined,
      'r2',
      'Bala has the fewest open tasks (2)',
    ],
    [
      'breaks ties by rep id',
      [rep('r3', 'Chen', 1), rep('r1', 'Asha', 1)],
      undefined,
      'r1',
      'Asha has the fewest open tasks (1)',
    ],
    [
      'skips an inactive rep with fewer tasks',
      [rep('r1', 'Asha', 0, { active: false }), rep('r2', 'Bala', 5)],
      undefined,
      'r2',
      'Bala has the fewest open tasks (5); skipped Asha: inactive',
    ],
    [
      'applies the rule cap',
      [rep('r1', 'Asha', 6), rep('r2', 'Bala', 4)],
      5,
      'r2',
      'Bala has the fewest open tasks (4); skipped Asha: at capacity (6/5 open tasks)',
    ],
    [
      'applies a rep capacity',
      [rep('r1', 'Asha', 1, { capacity: 1 }), rep('r2', 'Bala', 4)],
      undefined,
      'r2',
      'Bala has the fewest open tasks (4); skipped Asha: at capacity (1/1 open tasks)',
    ],
  ])('%s', (_label, reps, capacityCap, repId, detail) => {
    expect(pickLeastLoaded({ teamId: 'west', reps, now, capacityCap })).toMatchObject({
      ok: true,
      rep: { id: repId },
      detail,
    });
  });

  it('fails when every rep is at the cap', () => {
    const pick = pickLeastLoaded({ teamId: 'west', reps: [rep('r1', 'Asha', 5)], now, capacityCap: 5 });
    expect(pick).toMatchObject({ ok: false, detail: 'no available rep (skipped Asha: at capacity (5/5 open tasks))' });
  });

  it('does not return a round-robin cursor', () => {
    const pick = pickLeastLoaded({ teamId: 'west', reps: [rep('r1', 'Asha', 0)], now });
    expect(pick.ok && pick.cursor).toBeUndefined();
  });
});

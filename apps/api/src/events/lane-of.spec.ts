import { laneOf } from './lane-of';

describe('laneOf', () => {
  it('puts a lead in the same lane every time, within range', () => {
    for (const id of ['crm-1', 'crm-2', 'demo-00042', '']) {
      const lane = laneOf(id, 3);
      expect(lane).toBe(laneOf(id, 3));
      expect(lane).toBeGreaterThanOrEqual(0);
      expect(lane).toBeLessThan(3);
    }
  });

  it('spreads leads evenly enough over the lanes that each flush gets a fair share', () => {
    const counts = [0, 0];
    for (let i = 0; i < 10_000; i += 1) counts[laneOf(`lead-${i}`, 2)]! += 1;
    expect(Math.min(...counts) / 10_000).toBeGreaterThan(0.45);
  });
});

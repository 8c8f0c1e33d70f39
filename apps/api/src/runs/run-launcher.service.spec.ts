import { isHeldOut } from './run-launcher.service';

describe('isHeldOut', () => {
  it('holds out nobody at 0 %', () => {
    expect(Array.from({ length: 100 }, (_, i) => isHeldOut(`lead-${i}`, 'p1', 0)).some(Boolean)).toBe(false);
  });

  it('is deterministic per (lead, playbook) and close to the share over many leads', () => {
    const leads = Array.from({ length: 10_000 }, (_, i) => `lead-${i}`);
    const held = leads.filter((lead) => isHeldOut(lead, 'p1', 20)).length;
    expect(Math.abs(held / 100 - 20)).toBeLessThan(2);
    expect(leads.slice(0, 50).map((l) => isHeldOut(l, 'p1', 20))).toEqual(
      leads.slice(0, 50).map((l) => isHeldOut(l, 'p1', 20)),
    );
  });
});

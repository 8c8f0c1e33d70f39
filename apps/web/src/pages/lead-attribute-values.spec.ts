import { attributeRows, parseEnumValues } from './lead-attribute-values';

describe('parseEnumValues', () => {
  it('trims, drops empty values and keeps each value once, in order', () => {
    expect(parseEnumValues(' free, pro,,pro , enterprise')).toEqual(['free', 'pro', 'enterprise']);
    expect(parseEnumValues('  ')).toEqual([]);
  });
});

describe('attributeRows', () => {
  it('lists values in schema order with labels, then keys the schema no longer has', () => {
    const schema = [
      { key: 'plan', label: 'Plan' },
      { key: 'seats', label: 'Seats' },
      { key: 'renewal', label: 'Renewal' },
    ];
    expect(attributeRows({ legacy: 'x', seats: 12, plan: 'pro' }, schema)).toEqual([
      { key: 'plan', label: 'Plan', value: 'pro' },
      { key: 'seats', label: 'Seats', value: '12' },
      { key: 'legacy', label: 'legacy', value: 'x' },
    ]);
  });
});

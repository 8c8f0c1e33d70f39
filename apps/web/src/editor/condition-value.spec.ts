import { formatConditionValue, parseConditionValue, parseMinConfidence } from './condition-value';

describe('parseConditionValue', () => {
  it('reads numbers and booleans', () => {
    expect(parseConditionValue(' 50 ', 'gte')).toBe(50);
    expect(parseConditionValue('true', 'eq')).toBe(true);
  });
  it('keeps text as text', () => expect(parseConditionValue('Acme', 'contains')).toBe('Acme'));
  it('reads a comma list for in', () => expect(parseConditionValue('IN, US, 3,', 'in')).toEqual(['IN', 'US', 3]));
  it('has no value for exists', () => expect(parseConditionValue('x', 'exists')).toBeUndefined());
});

describe('formatConditionValue', () => {
  it('is the inverse for lists and scalars', () => {
    expect(parseConditionValue(formatConditionValue(['IN', 'US']), 'in')).toEqual(['IN', 'US']);
    expect(parseConditionValue(formatConditionValue(42), 'eq')).toBe(42);
    expect(formatConditionValue(undefined)).toBe('');
  });
});

describe('parseMinConfidence', () => {
  it('turns a percentage into a 0–1 confidence, clamped', () => {
    expect(parseMinConfidence('80')).toBe(0.8);
    expect(parseMinConfidence('150')).toBe(1);
    expect(parseMinConfidence('-5')).toBe(0);
  });
  it('means any confidence when blank or not a number', () => {
    expect(parseMinConfidence(' ')).toBeUndefined();
    expect(parseMinConfidence('high')).toBeUndefined();
  });
});

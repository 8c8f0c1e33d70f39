import {
  attributeValueIssue,
  attributeValuesIssues,
  isCalendarDate,
  leadAttributeDefinitionSchema,
  type LeadAttributeDefinition,
} from './lead-attributes';
import { leadInputSchema } from './lead-input-schema';

const plan: LeadAttributeDefinition = { key: 'plan', label: 'Plan', type: 'enum', values: ['free', 'pro'] };
const seats: LeadAttributeDefinition = { key: 'seats', label: 'Seats', type: 'number', values: [] };
const renewal: LeadAttributeDefinition = { key: 'renewal', label: 'Renewal', type: 'date', values: [] };
const notes: LeadAttributeDefinition = { key: 'notes', label: 'Notes', type: 'text', values: [] };

describe('leadAttributeDefinitionSchema', () => {
  it('accepts a typed attribute and defaults values to none', () => {
    expect(leadAttributeDefinitionSchema.parse({ key: 'seats', label: 'Seats', type: 'number' })).toEqual(seats);
    expect(leadAttributeDefinitionSchema.safeParse(plan).success).toBe(true);
  });

  it('refuses a bad key, a reserved key, an enum without values and values on another type', () => {
    const issues = (input: object) => leadAttributeDefinitionSchema.safeParse(input).error?.issues.map((i) => i.path);
    expect(issues({ key: 'Plan', label: 'P', type: 'text' })).toEqual([['key']]);
    expect(issues({ key: 'a'.repeat(41), label: 'P', type: 'text' })).toEqual([['key']]);
    expect(issues({ key: 'country', label: 'P', type: 'text' })).toEqual([['key']]);
    expect(issues({ key: 'plan', label: 'P', type: 'enum' })).toEqual([['values']]);
    expect(issues({ key: 'plan', label: 'P', type: 'text', values: ['a'] })).toEqual([['values']]);
    expect(issues({ key: 'plan', label: 'P', type: 'enum', values: ['a', 'a'] })).toEqual([['values']]);
  });
});

describe('isCalendarDate', () => {
  it('accepts real days written YYYY-MM-DD only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(isCalendarDate('5/1/2026')).toBe(false);
  });
});

describe('attributeValueIssue', () => {
  it('checks each type', () => {
    expect(attributeValueIssue(seats, 12)).toBeNull();
    expect(attributeValueIssue(seats, '12')).toBe('expected a number');
    expect(attributeValueIssue(renewal, '2026-03-31')).toBeNull();
    expect(attributeValueIssue(renewal, '2026-03-32')).toBe('expected a date YYYY-MM-DD');
    expect(attributeValueIssue(plan, 'pro')).toBeNull();
    expect(attributeValueIssue(plan, 'gold')).toBe('expected one of free, pro');
    expect(attributeValueIssue(notes, 'likes cricket')).toBeNull();
    expect(attributeValueIssue(notes, 7)).toBe('expected text');
    expect(attributeValueIssue(notes, 'x'.repeat(1_001))).toBe('at most 1000 characters');
    expect(attributeValueIssue(notes, 'a\u0000b')).toMatch(/NUL/);
  });
});

describe('attributeValuesIssues', () => {
  it('names each bad key, accepts null to clear and refuses keys outside the schema', () => {
    const schema = [plan, seats, renewal, notes];
    expect(attributeValuesIssues(schema, { plan: 'pro', seats: 3, renewal: null, notes: 'ok' })).toEqual([]);
    expect(attributeValuesIssues(schema, { plan: 'gold', seats: 'ten', colour: 'red' })).toEqual([
      { field: 'attributes.plan', reason: 'expected one of free, pro' },
      { field: 'attributes.seats', reason: 'expected a number' },
      { field: 'attributes.colour', reason: 'unknown attribute (not in the workspace schema)' },
    ]);
  });
});

describe('leadInputSchema attributes', () => {
  it('takes strings, numbers and null and refuses other shapes, naming the key', () => {
    expect(leadInputSchema.safeParse({ externalId: 'x', attributes: { plan: 'pro', seats: 3, a: null } }).success).toBe(
      true,
    );
    const parsed = leadInputSchema.safeParse({ externalId: 'x', attributes: { plan: ['pro'] } });
    expect(parsed.error?.issues[0]?.path).toEqual(['attributes', 'plan']);
  });
});

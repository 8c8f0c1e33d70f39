import type { RuleCondition } from '@segflow/scoring';
import { NEW_CONDITION, toConditionDraft, toRuleCondition } from './rule-condition-draft';

describe('rule condition drafts', () => {
  it('parses numbers for numeric subjects and lists for in / notIn', () => {
    expect(toRuleCondition(NEW_CONDITION)).toEqual({
      kind: 'eventCount',
      eventType: 'page_view',
      days: 7,
      op: 'gte',
      value: 3,
    });
    expect(
      toRuleCondition({
        ...NEW_CONDITION,
        kind: 'firmographic',
        field: 'industry',
        op: 'in',
        value: 'SaaS, Fintech ,',
      }),
    ).toEqual({
      kind: 'firmographic',
      field: 'industry',
      op: 'in',
      value: ['SaaS', 'Fintech'],
    });
    // Text subjects keep digits as text; a non-number for a numeric subject goes as typed (the API names it).
    expect(
      toRuleCondition({ ...NEW_CONDITION, kind: 'firmographic', field: 'city', op: 'eq', value: '42' }).value,
    ).toBe('42');
    expect(toRuleCondition({ ...NEW_CONDITION, kind: 'score', value: 'high' }).value).toBe('high');
  });

  it('round-trips a stored condition', () => {
    const stored: RuleCondition[] = [
      { kind: 'feature', feature: 'fit', op: 'gt', value: 0.5 },
      { kind: 'firmographic', field: 'country', op: 'notIn', value: ['IN', 'BR'] },
      { kind: 'eventCount', eventType: 'email_click', days: 30, op: 'lte', value: 0 },
    ];
    for (const condition of stored) expect(toRuleCondition(toConditionDraft(condition))).toEqual(condition);
  });
});

describe('custom attribute conditions', () => {
  it('sends numbers for number attributes and keeps texts and days as typed', () => {
    const types = new Map([
      ['seats', 'number' as const],
      ['plan', 'enum' as const],
      ['renewal', 'date' as const],
    ]);
    const draft = (attributeKey: string, value: string) =>
      toRuleCondition({ ...NEW_CONDITION, kind: 'attribute', attributeKey, op: 'gte', value }, types);
    expect(draft('seats', '10')).toEqual({ kind: 'attribute', key: 'seats', op: 'gte', value: 10 });
    expect(draft('renewal', '2027-03-31').value).toBe('2027-03-31');
    expect(
      toRuleCondition({ ...NEW_CONDITION, kind: 'attribute', attributeKey: 'plan', op: 'eq', value: '2024' }, types)
        .value,
    ).toBe('2024');
    expect(toConditionDraft({ kind: 'attribute', key: 'plan', op: 'in', value: ['free', 'pro'] })).toMatchObject({
      kind: 'attribute',
      attributeKey: 'plan',
      value: 'free, pro',
    });
  });
});

import { FEATURE_NAMES } from '../feature-vector';
import { formatIssues } from '../format-issues';
import {
  describeRule,
  evaluateRule,
  eventWindowKey,
  firstMatchingRule,
  ruleEventWindows,
  isTimeDependentRule,
  segmentRuleSchema,
  type RuleFacts,
  type SegmentRule,
} from './segment-rule';

const facts = (over: Partial<RuleFacts> = {}): RuleFacts => ({
  firmographics: { industry: 'SaaS', headcount: 120, country: 'BR', city: null },
  features: FEATURE_NAMES.map((name) => (name === 'intent' ? 1.2 : 0)),
  score: 64.5,
  eventCounts: new Map([[eventWindowKey({ eventType: 'page_view', days: 7 }), 3]]),
  attributes: { plan: 'Pro', seats: 12, renewal: '2027-03-31' },
  ...over,
});
const rule = (conditions: unknown[], match = 'all'): SegmentRule => segmentRuleSchema.parse({ match, conditions });

describe('segment rules', () => {
  it('evaluates each kind of subject', () => {
    expect(
      evaluateRule(rule([{ kind: 'firmographic', field: 'industry', op: 'in', value: ['saas', 'Fintech'] }]), facts()),
    ).toBe(true);
    expect(evaluateRule(rule([{ kind: 'firmographic', field: 'headcount', op: 'gte', value: 100 }]), facts())).toBe(
      true,
    );
    expect(evaluateRule(rule([{ kind: 'feature', feature: 'intent', op: 'gt', value: 1.5 }]), facts())).toBe(false);
    expect(evaluateRule(rule([{ kind: 'score', op: 'lt', value: 70 }]), facts())).toBe(true);
    const pageViews = (op: string, value: number) =>
      evaluateRule(rule([{ kind: 'eventCount', eventType: 'page_view', days: 7, op, value }]), facts());
    expect([pageViews('gte', 3), pageViews('gte', 4), pageViews('lte', 3)]).toEqual([true, false, true]);
    // A window the facts do not carry counts 0.
    expect(
      evaluateRule(rule([{ kind: 'eventCount', eventType: 'purchase', days: 30, op: 'eq', value: 0 }]), facts()),
    ).toBe(true);
  });

  it('tests custom attributes: texts case-insensitively, numbers and days in order, an unset one never', () => {
    const holds = (condition: object) => evaluateRule(rule([{ kind: 'attribute', ...condition }]), facts());
    expect(holds({ key: 'plan', op: 'in', value: ['pro', 'enterprise'] })).toBe(true);
    expect(holds({ key: 'seats', op: 'gte', value: 10 })).toBe(true);
    expect(holds({ key: 'seats', op: 'lt', value: 10 })).toBe(false);
    expect(holds({ key: 'renewal', op: 'lte', value: '2027-06-30' })).toBe(true);
    expect(holds({ key: 'renewal', op: 'gt', value: '2027-06-30' })).toBe(false);
    // A number never orders against a text, and an unset attribute satisfies nothing.
    expect(holds({ key: 'plan', op: 'gte', value: 3 })).toBe(false);
    expect(holds({ key: 'region', op: 'neq', value: 'south' })).toBe(false);
    expect(
      formatIssues(
        segmentRuleSchema.safeParse({
          match: 'all',
          conditions: [{ kind: 'attribute', key: 'renewal', op: 'gte', value: 'soon' }],
        }).error!,
      ),
    ).toEqual([{ field: 'conditions.0.value', reason: 'gte needs a number or a day (YYYY-MM-DD)' }]);
  });

  it('combines with all / any, and a missing value satisfies nothing, not even a negation', () => {
    const conditions = [
      { kind: 'score', op: 'gte', value: 90 },
      { kind: 'firmographic', field: 'country', op: 'eq', value: 'br' },
    ];
    expect(evaluateRule(rule(conditions, 'all'), facts())).toBe(false);
    expect(evaluateRule(rule(conditions, 'any'), facts())).toBe(true);
    expect(evaluateRule(rule([{ kind: 'firmographic', field: 'city', op: 'neq', value: 'Lima' }]), facts())).toBe(
      false,
    );
    expect(
      evaluateRule(rule([{ kind: 'firmographic', field: 'industry', op: 'notIn', value: ['Retail'] }]), facts()),
    ).toBe(true);
  });

  it('picks the first matching rule in priority order', () => {
    const hot = rule([{ kind: 'score', op: 'gte', value: 60 }]);
    const saas = rule([{ kind: 'firmographic', field: 'industry', op: 'eq', value: 'SaaS' }]);
    expect(
      firstMatchingRule(
        [
          { segmentId: 'a', rule: hot },
          { segmentId: 'b', rule: saas },
        ],
        facts(),
      ),
    ).toBe('a');
    expect(
      firstMatchingRule(
        [
          { segmentId: 'b', rule: saas },
          { segmentId: 'a', rule: hot },
        ],
        facts(),
      ),
    ).toBe('b');
    expect(firstMatchingRule([{ segmentId: 'a', rule: hot }], facts({ score: 10 }))).toBeNull();
  });

  it('rejects values that do not suit the subject or the operator, naming the field', () => {
    const issues = (value: unknown) => {
      const parsed = segmentRuleSchema.safeParse(value);
      return parsed.success ? [] : formatIssues(parsed.error);
    };
    expect(issues({ match: 'all', conditions: [{ kind: 'score', op: 'gte', value: 'high' }] })).toEqual([
      { field: 'conditions.0.value', reason: 'gte needs a number' },
    ]);
    expect(
      issues({ match: 'all', conditions: [{ kind: 'firmographic', field: 'industry', op: 'gte', value: 3 }] }),
    ).toEqual([{ field: 'conditions.0.op', reason: 'industry is text: use eq, neq, in or notIn' }]);
    expect(
      issues({ match: 'all', conditions: [{ kind: 'feature', feature: 'charm', op: 'gte', value: 1 }] })[0]?.field,
    ).toBe('conditions.0.feature');
    expect(
      issues({
        match: 'all',
        conditions: [{ kind: 'eventCount', eventType: 'page_view', days: 400, op: 'gte', value: 1 }],
      })[0]?.field,
    ).toBe('conditions.0.days');
    expect(issues({ match: 'all', conditions: [] })[0]?.field).toBe('conditions');
  });

  it('tells rules time alone can change (windows, features, score) from those on lead fields only', () => {
    const on = (condition: object) =>
      rule([{ kind: 'firmographic', field: 'country', op: 'eq', value: 'NZ' }, condition]);
    expect(isTimeDependentRule(on({ kind: 'eventCount', eventType: 'page_view', days: 7, op: 'gte', value: 3 }))).toBe(
      true,
    );
    expect(isTimeDependentRule(on({ kind: 'feature', feature: 'recency', op: 'gte', value: 0.5 }))).toBe(true);
    expect(isTimeDependentRule(on({ kind: 'score', op: 'gte', value: 70 }))).toBe(true);
    expect(isTimeDependentRule(on({ kind: 'attribute', key: 'plan', op: 'eq', value: 'pro' }))).toBe(false);
  });

  it('lists the distinct event windows and describes rules in words', () => {
    const r = rule(
      [
        { kind: 'eventCount', eventType: 'page_view', days: 7, op: 'gte', value: 3 },
        { kind: 'eventCount', eventType: 'page_view', days: 7, op: 'lte', value: 9 },
        { kind: 'firmographic', field: 'industry', op: 'in', value: ['SaaS', 'Fintech'] },
      ],
      'any',
    );
    expect(ruleEventWindows([r])).toEqual([{ eventType: 'page_view', days: 7 }]);
    expect(describeRule(r)).toBe(
      'any of: page_view events in the last 7 days ≥ 3; page_view events in the last 7 days ≤ 9; industry is one of SaaS, Fintech',
    );
    expect(describeRule(rule([{ kind: 'firmographic', field: 'revenue_band', op: 'eq', value: '1-10m' }]))).toBe(
      'revenue band is 1-10m',
    );
  });
});

import { FEATURE_NAMES } from '../feature-vector';
import { chooseSegment } from './choose-segment';
import { segmentRuleSchema, type RuleFacts } from './segment-rule';

const facts: RuleFacts = {
  firmographics: { industry: 'SaaS' },
  features: FEATURE_NAMES.map(() => 0),
  score: 80,
  eventCounts: new Map(),
  attributes: {},
};
const hot = segmentRuleSchema.parse({ match: 'all', conditions: [{ kind: 'score', op: 'gte', value: 70 }] });
const cold = segmentRuleSchema.parse({ match: 'all', conditions: [{ kind: 'score', op: 'lt', value: 10 }] });

describe('chooseSegment', () => {
  it('puts a lead matching a rule segment there, whatever its learned segment', () => {
    const learned = jest.fn(() => 'learned-a');
    expect(
      chooseSegment({
        rules: [{ segmentId: 'hot', rule: hot }],
        facts,
        currentSegmentId: 'learned-a',
        currentIsRule: false,
        learned,
      }),
    ).toBe('hot');
    expect(learned).not.toHaveBeenCalled();
  });

  it('falls back to the learned segment, from the current one unless that is a rule segment', () => {
    const learned = jest.fn((current: string | null) => current ?? 'nearest');
    const rules = [{ segmentId: 'cold', rule: cold }];
    expect(chooseSegment({ rules, facts, currentSegmentId: 'learned-a', currentIsRule: false, learned })).toBe(
      'learned-a',
    );
    expect(chooseSegment({ rules, facts, currentSegmentId: 'hot', currentIsRule: true, learned })).toBe('nearest');
    expect(learned.mock.calls).toEqual([['learned-a'], [null]]);
  });
});

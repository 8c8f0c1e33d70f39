import { featureNamesOf } from './condition-features';
import type { Condition } from './nodes/condition';

const feature = (name: string): Condition => ({
  op: 'compare',
  field: { scope: 'feature', name },
  comparator: 'gte',
  value: 0.5,
});

describe('featureNamesOf', () => {
  it('finds feature comparisons at any depth, each name once, in order of appearance', () => {
    const condition: Condition = {
      op: 'or',
      conditions: [
        feature('intent'),
        { op: 'not', condition: { op: 'and', conditions: [feature('fit'), feature('intent')] } },
      ],
    };
    expect(featureNamesOf(condition)).toEqual(['intent', 'fit']);
  });

  it('is empty for conditions on events, lead fields, the segment or the owner', () => {
    const condition: Condition = {
      op: 'and',
      conditions: [
        { op: 'eventSeen', eventType: 'email_reply' },
        { op: 'compare', field: { scope: 'lead', field: 'country' }, comparator: 'eq', value: 'IN' },
        { op: 'compare', field: { scope: 'segment', field: 'name' }, comparator: 'contains', value: 'hot' },
      ],
    };
    expect(featureNamesOf(condition)).toEqual([]);
  });
});

import type { Condition } from './nodes/condition';

/**
 * The scoring features a condition reads (`{ scope: 'feature', name }` comparisons), each once, in the order they
 * first appear. A run reads these from the lead's current features before it evaluates the condition.
 *
 * @example
 * featureNamesOf({ op: 'and', conditions: [
 *   { op: 'compare', field: { scope: 'feature', name: 'intent' }, comparator: 'gte', value: 0.5 },
 *   { op: 'eventSeen', eventType: 'email_reply' },
 * ] }); // ['intent']
 */
export function featureNamesOf(condition: Condition): string[] {
  return [...new Set(collectFeatureNames(condition))];
}

function collectFeatureNames(condition: Condition): string[] {
  switch (condition.op) {
    case 'and':
    case 'or':
      return condition.conditions.flatMap(collectFeatureNames);
    case 'not':
      return collectFeatureNames(condition.condition);
    case 'compare':
      return condition.field.scope === 'feature' ? [condition.field.name] : [];
    case 'eventSeen':
    case 'replyIntent':
      return [];
  }
}

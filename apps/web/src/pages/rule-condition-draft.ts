import {
  FEATURE_NAMES,
  RULE_FIRMOGRAPHIC_FIELDS,
  type LeadAttributeType,
  type RuleCondition,
  type RuleOperator,
} from '@segflow/scoring';

/** A condition as the builder edits it: every subject's fields at once, the value as typed. */
export interface ConditionDraft {
  kind: RuleCondition['kind'];
  field: (typeof RULE_FIRMOGRAPHIC_FIELDS)[number];
  feature: (typeof FEATURE_NAMES)[number];
  eventType: string;
  days: string;
  /** A custom attribute's key (subject `attribute`). */
  attributeKey: string;
  op: RuleOperator;
  value: string;
}

/** A new condition row: "page_view events in the last 7 days ≥ 3". */
export const NEW_CONDITION: ConditionDraft = {
  kind: 'eventCount',
  field: 'industry',
  feature: 'intent',
  eventType: 'page_view',
  days: '7',
  attributeKey: '',
  op: 'gte',
  value: '3',
};

/**
 * Whether the subject is compared as text (firmographic text columns, and custom attributes that are not numbers:
 * text, enum values and days), so its value is a word, a day or a list.
 */
export const isTextSubject = (draft: ConditionDraft, attributeType?: LeadAttributeType): boolean =>
  (draft.kind === 'firmographic' && draft.field !== 'headcount') ||
  (draft.kind === 'attribute' && attributeType !== 'number');

/**
 * The condition the API takes: `in`/`notIn` values split on commas, numbers parsed for numeric subjects (a value that
 * is not a number is sent as typed, and the API's 422 names it).
 * @example toRuleCondition({ ...NEW_CONDITION, value: '2' }); // { kind: 'eventCount', eventType: 'page_view', days: 7, op: 'gte', value: 2 }
 */
export function toRuleCondition(
  draft: ConditionDraft,
  attributeTypes: ReadonlyMap<string, LeadAttributeType> = new Map(),
): RuleCondition {
  const list = draft.value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const number = draft.value.trim() === '' ? NaN : Number(draft.value);
  const value: RuleCondition['value'] =
    draft.op === 'in' || draft.op === 'notIn'
      ? list
      : !isTextSubject(draft, attributeTypes.get(draft.attributeKey)) && Number.isFinite(number)
        ? number
        : draft.value.trim();
  const comparison = { op: draft.op, value };
  switch (draft.kind) {
    case 'firmographic':
      return { kind: 'firmographic', field: draft.field, ...comparison };
    case 'feature':
      return { kind: 'feature', feature: draft.feature, ...comparison };
    case 'score':
      return { kind: 'score', ...comparison };
    case 'attribute':
      return { kind: 'attribute', key: draft.attributeKey, ...comparison };
    case 'eventCount':
      return {
        kind: 'eventCount',
        eventType: draft.eventType as Extract<RuleCondition, { kind: 'eventCount' }>['eventType'],
        days: Number(draft.days),
        ...comparison,
      };
  }
}

/**
 * The builder's row for a stored condition.
 * @example toConditionDraft({ kind: 'score', op: 'gte', value: 70 }).value; // '70'
 */
export function toConditionDraft(condition: RuleCondition): ConditionDraft {
  const value = Array.isArray(condition.value) ? condition.value.join(', ') : String(condition.value);
  return {
    ...NEW_CONDITION,
    kind: condition.kind,
    op: condition.op,
    value,
    ...(condition.kind === 'firmographic' ? { field: condition.field } : {}),
    ...(condition.kind === 'feature' ? { feature: condition.feature } : {}),
    ...(condition.kind === 'eventCount' ? { eventType: condition.eventType, days: String(condition.days) } : {}),
    ...(condition.kind === 'attribute' ? { attributeKey: condition.key } : {}),
  };
}

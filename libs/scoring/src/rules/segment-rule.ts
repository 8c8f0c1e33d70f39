import { EVENT_TYPES } from '@segflow/events';
import { z } from 'zod';
import { FEATURE_NAMES } from '../feature-vector';
import type { FieldIssue } from '../format-issues';
import type { LeadAttributeDefinition } from '../lead-attributes';

/**
 * The lead columns a rule can test (as `leads` stores them); headcount is the only number.
 * @example RULE_FIRMOGRAPHIC_FIELDS.includes('country'); // true
 */
export const RULE_FIRMOGRAPHIC_FIELDS = [
  'industry',
  'headcount',
  'revenue_band',
  'funding_stage',
  'country',
  'city',
] as const;
/** One of {@link RULE_FIRMOGRAPHIC_FIELDS}. */
export type RuleFirmographicField = (typeof RULE_FIRMOGRAPHIC_FIELDS)[number];

/**
 * Comparisons: numeric ones need a number, `in`/`notIn` a list of texts, `eq`/`neq` either.
 * @example RULE_OPERATORS.includes('notIn'); // true
 */
export const RULE_OPERATORS = ['gte', 'lte', 'gt', 'lt', 'eq', 'neq', 'in', 'notIn'] as const;
/** One of {@link RULE_OPERATORS}. */
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/**
 * Longest event window a rule may count over, most conditions per rule, most values of an `in` / `notIn` list.
 * @example RULE_LIMITS.maxWindowDays; // 365
 */
export const RULE_LIMITS = { maxWindowDays: 365, maxConditions: 20, maxValues: 50 } as const;

const comparison = {
  op: z.enum(RULE_OPERATORS),
  value: z.union([
    z.number().finite(),
    z.string().trim().min(1).max(200),
    z.array(z.string().trim().min(1).max(200)).min(1).max(RULE_LIMITS.maxValues),
  ]),
};

// One case per subject; a new subject is one more case here, in `subjectValue`, `subjectType` and `subjectLabel`.
const conditionOptions = [
  z.strictObject({ kind: z.literal('firmographic'), field: z.enum(RULE_FIRMOGRAPHIC_FIELDS), ...comparison }),
  z.strictObject({ kind: z.literal('feature'), feature: z.enum(FEATURE_NAMES), ...comparison }),
  z.strictObject({ kind: z.literal('score'), ...comparison }),
  z.strictObject({
    kind: z.literal('eventCount'),
    eventType: z.enum(EVENT_TYPES),
    days: z.number().int().min(1).max(RULE_LIMITS.maxWindowDays),
    ...comparison,
  }),
  // A custom lead attribute (leads.attributes); that the key exists and the value fits its type is checked against the
  // workspace's schema where rules are saved.
  z.strictObject({ kind: z.literal('attribute'), key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), ...comparison }),
] as const;

/** A rule's condition: a subject (the `kind` and its fields) compared with `op` to `value`. */
export type RuleCondition = z.infer<(typeof conditionOptions)[number]>;

// A custom attribute may hold numbers, texts or dates: its value's type is checked against the schema, not here.
function subjectType(condition: RuleCondition): 'number' | 'text' | 'any' {
  if (condition.kind === 'attribute') return 'any';
  return condition.kind !== 'firmographic' || condition.field === 'headcount' ? 'number' : 'text';
}

const isCalendarDay = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

const NUMERIC_OPS: readonly RuleOperator[] = ['gte', 'lte', 'gt', 'lt'];

/**
 * Zod schema of one condition: the value must suit both the operator and the subject.
 * @example ruleConditionSchema.parse({ kind: 'feature', feature: 'intent', op: 'gte', value: 0.5 });
 */
export const ruleConditionSchema = z.discriminatedUnion('kind', conditionOptions).superRefine((c, ctx) => {
  const type = subjectType(c);
  const numeric = type === 'number';
  if (NUMERIC_OPS.includes(c.op) && typeof c.value !== 'number' && !(type === 'any' && isCalendarDay(c.value)))
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `${c.op} needs a number${type === 'any' ? ' or a day (YYYY-MM-DD)' : ''}`,
    });
  else if ((c.op === 'in' || c.op === 'notIn') && !Array.isArray(c.value))
    ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} needs a list of values` });
  else if ((c.op === 'eq' || c.op === 'neq') && Array.isArray(c.value))
    ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} needs one value, not a list` });
  else if (numeric && typeof c.value !== 'number')
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `${subjectLabel(c)} is a number: compare it with a number`,
    });
  else if (type === 'text' && NUMERIC_OPS.includes(c.op))
    ctx.addIssue({ code: 'custom', path: ['op'], message: `${subjectLabel(c)} is text: use eq, neq, in or notIn` });
});

/**
 * Zod schema of a rule: all (AND) or any (OR) of 1–20 conditions.
 * @example segmentRuleSchema.safeParse({ match: 'any', conditions: [{ kind: 'score', op: 'gte', value: 70 }] }).success; // true
 */
export const segmentRuleSchema = z.strictObject({
  match: z.enum(['all', 'any']),
  conditions: z.array(ruleConditionSchema).min(1).max(RULE_LIMITS.maxConditions),
});

/** A segment rule (see {@link segmentRuleSchema}). */
export type SegmentRule = z.infer<typeof segmentRuleSchema>;

/** An events-in-a-window count a rule needs: events of `eventType` in the last `days` days. */
export interface EventWindow {
  eventType: string;
  days: number;
}

/**
 * The key of an {@link EventWindow} in {@link RuleFacts.eventCounts}.
 * @example eventWindowKey({ eventType: 'page_view', days: 7 }); // 'page_view/7'
 */
export const eventWindowKey = (w: EventWindow): string => `${w.eventType}/${w.days}`;

/** What a rule is evaluated on. */
export interface RuleFacts {
  firmographics: Readonly<Partial<Record<RuleFirmographicField, string | number | null>>>;
  /** Raw (unstandardised) feature vector at evaluation time, in FEATURE_NAMES order. */
  features: readonly number[];
  /** libs/scoring `leadScore` of `features`. */
  score: number;
  /** Counts by {@link eventWindowKey}; a window missing here counts 0. */
  eventCounts: ReadonlyMap<string, number>;
  /** Custom attribute values by key (dates as `YYYY-MM-DD`); a key missing here is not set. */
  attributes: Readonly<Record<string, string | number>>;
}

/**
 * The distinct event windows of these rules (what one counting statement must return per lead).
 * @example ruleEventWindows([rule]); // [{ eventType: 'page_view', days: 7 }]
 */
export function ruleEventWindows(rules: readonly SegmentRule[]): EventWindow[] {
  const windows = new Map<string, EventWindow>();
  for (const rule of rules)
    for (const c of rule.conditions)
      if (c.kind === 'eventCount') windows.set(eventWindowKey(c), { eventType: c.eventType, days: c.days });
  return [...windows.values()];
}

/**
 * Whether time alone can change what this rule says of a lead: it counts events in a window, or reads a feature or the
 * score (features decay between events). Lead fields and attributes change only when written.
 * @example isTimeDependentRule({ match: 'all', conditions: [{ kind: 'score', op: 'gte', value: 70 }] }); // true
 */
export function isTimeDependentRule(rule: SegmentRule): boolean {
  return rule.conditions.some((c) => c.kind === 'eventCount' || c.kind === 'feature' || c.kind === 'score');
}

function subjectValue(c: RuleCondition, facts: RuleFacts): string | number | null {
  switch (c.kind) {
    case 'firmographic':
      return facts.firmographics[c.field] ?? null;
    case 'feature':
      return facts.features[FEATURE_NAMES.indexOf(c.feature)] ?? null;
    case 'score':
      return facts.score;
    case 'eventCount':
      return facts.eventCounts.get(eventWindowKey(c)) ?? 0;
    case 'attribute':
      return facts.attributes[c.key] ?? null;
  }
}

const text = (v: string | number) => String(v).trim().toLowerCase();

function compare(actual: string | number, op: RuleOperator, value: RuleCondition['value']): boolean {
  // Days (`YYYY-MM-DD`) order as text; a number never orders against a text.
  if (NUMERIC_OPS.includes(op) && typeof value !== typeof actual) return false;
  if (NUMERIC_OPS.includes(op) && typeof value === 'string') return compareOrdered(String(actual), op, value);
  if (Array.isArray(value)) {
    const found = value.some((v) => text(v) === text(actual));
    return op === 'in' ? found : !found;
  }
  if (typeof value === 'string' || typeof actual === 'string') {
    const same = text(actual) === text(value);
    return op === 'neq' ? !same : same;
  }
  return compareOrdered(actual, op, value);
}

function compareOrdered<T extends string | number>(actual: T, op: RuleOperator, value: T): boolean {
  switch (op) {
    case 'gte':
      return actual >= value;
    case 'lte':
      return actual <= value;
    case 'gt':
      return actual > value;
    case 'lt':
      return actual < value;
    case 'neq':
      return actual !== value;
    default:
      return actual === value;
  }
}

/**
 * Whether a lead's facts satisfy a rule. A missing value (e.g. no industry) satisfies no condition on it, not even
 * `neq` / `notIn`: "not SaaS" is not said of a lead whose industry is unknown.
 * @example evaluateRule({ match: 'all', conditions: [{ kind: 'score', op: 'gte', value: 70 }] }, facts); // true when score ≥ 70
 */
export function evaluateRule(rule: SegmentRule, facts: RuleFacts): boolean {
  const holds = (c: RuleCondition) => {
    const actual = subjectValue(c, facts);
    return actual !== null && compare(actual, c.op, c.value);
  };
  return rule.match === 'all' ? rule.conditions.every(holds) : rule.conditions.some(holds);
}

/**
 * The first rule segment (in the given priority order) whose rule the facts satisfy, or null.
 * @example firstMatchingRule([{ segmentId: 'hot', rule }], facts); // 'hot'
 */
export function firstMatchingRule(
  rules: readonly { segmentId: string; rule: SegmentRule }[],
  facts: RuleFacts,
): string | null {
  return rules.find((r) => evaluateRule(r.rule, facts))?.segmentId ?? null;
}

const OPERATOR_WORDS: Record<RuleOperator, string> = {
  gte: '≥',
  lte: '≤',
  gt: '>',
  lt: '<',
  eq: 'is',
  neq: 'is not',
  in: 'is one of',
  notIn: 'is none of',
};

function subjectLabel(c: RuleCondition): string {
  switch (c.kind) {
    case 'firmographic':
      return c.field.replace('_', ' ');
    case 'feature':
      return `feature ${c.feature}`;
    case 'score':
      return 'lead score';
    case 'eventCount':
      return `${c.eventType} events in the last ${c.days} day${c.days === 1 ? '' : 's'}`;
    case 'attribute':
      return `attribute ${c.key}`;
  }
}

/**
 * A condition in words.
 * @example describeCondition({ kind: 'eventCount', eventType: 'page_view', days: 7, op: 'gte', value: 3 }); // 'page_view events in the last 7 days ≥ 3'
 */
export function describeCondition(c: RuleCondition): string {
  const value = Array.isArray(c.value) ? c.value.join(', ') : String(c.value);
  return `${subjectLabel(c)} ${OPERATOR_WORDS[c.op]} ${value}`;
}

/**
 * A rule in words, for lists and audit.
 * @example describeRule({ match: 'any', conditions }); // 'any of: lead score ≥ 70; industry is one of SaaS, Fintech'
 */
export function describeRule(rule: SegmentRule): string {
  const parts = rule.conditions.map(describeCondition);
  return parts.length === 1 ? parts[0] : `${rule.match} of: ${parts.join('; ')}`;
}

/**
 * What is wrong with a rule's custom-attribute conditions against the workspace's schema: an unknown key, or a
 * comparison the attribute's type cannot take (numbers compare with numbers, days in order with `YYYY-MM-DD`, texts
 * and enum values only with eq / neq / in / notIn).
 * @example ruleAttributeIssues(rule, [{ key: 'plan', label: 'Plan', type: 'enum', values: ['pro'] }]); // []
 */
export function ruleAttributeIssues(
  rule: SegmentRule,
  schema: readonly Pick<LeadAttributeDefinition, 'key' | 'type'>[],
  field = 'rule',
): FieldIssue[] {
  const types = new Map(schema.map((a) => [a.key, a.type]));
  return rule.conditions.flatMap((c, i): FieldIssue[] => {
    if (c.kind !== 'attribute') return [];
    const type = types.get(c.key);
    const at = `${field}.conditions.${i}`;
    if (!type) return [{ field: `${at}.key`, reason: `no custom lead attribute "${c.key}"` }];
    const ordered = NUMERIC_OPS.includes(c.op);
    const values = Array.isArray(c.value) ? c.value : [c.value];
    if (type === 'number' && !Array.isArray(c.value) && typeof c.value !== 'number')
      return [{ field: `${at}.value`, reason: `${c.key} is a number: compare it with a number` }];
    if (type === 'date' && !values.every(isCalendarDay))
      return [{ field: `${at}.value`, reason: `${c.key} is a date: compare it with a day (YYYY-MM-DD)` }];
    if ((type === 'text' || type === 'enum') && ordered)
      return [{ field: `${at}.op`, reason: `${c.key} is text: use eq, neq, in or notIn` }];
    return [];
  });
}

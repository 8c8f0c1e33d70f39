import type { LeadContext } from './interpreter/lead-context';
import type { LastReply } from './interpreter/run-types';
import type { Condition, ConditionValue, FieldRef } from './nodes/condition';

/** What a condition is evaluated against: the lead, the events seen in this run and its latest reply. */
export interface ConditionScope {
  lead: LeadContext;
  /** Counts of events seen in the run by `type` and by `type@channel` (as in `RunState.eventsSeen`). */
  eventsSeen: Record<string, number>;
  /** The latest reply heard in the run (as in `RunState.lastReply`); absent before the first. */
  lastReply?: LastReply;
}

type Scalar = string | number | boolean | null | undefined;

const LEAD_FIELDS = ['id', 'firstName', 'lastName', 'company', 'email', 'timeZone'] as const;

function readField(field: FieldRef, lead: LeadContext): Scalar {
  switch (field.scope) {
    case 'lead':
      return (LEAD_FIELDS as readonly string[]).includes(field.field)
        ? (lead[field.field as (typeof LEAD_FIELDS)[number]] as Scalar)
        : lead.attributes[field.field];
    case 'feature':
      return lead.features[field.name];
    case 'segment':
      return lead.segment[field.field];
    case 'owner':
      return lead.owner?.[field.field];
    case 'attribute':
      return lead.attributes[field.key];
  }
}

function hasReplyIntent(condition: Extract<Condition, { op: 'replyIntent' }>, reply: LastReply | undefined): boolean {
  if (reply?.intent !== condition.intent) return false;
  return condition.minConfidence === undefined || (reply.confidence ?? 0) >= condition.minConfidence;
}

function isOrdered(a: Scalar, b: ConditionValue | undefined): b is number | string {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
}

function compare(
  actual: Scalar,
  comparator: Extract<Condition, { op: 'compare' }>['comparator'],
  value?: ConditionValue,
): boolean {
  if (comparator === 'exists') return actual !== undefined && actual !== null && actual !== '';
  if (comparator === 'neq') return actual !== value;
  if (actual === undefined || actual === null) return false;
  switch (comparator) {
    case 'eq':
      return actual === value;
    case 'in':
      return Array.isArray(value) && typeof actual !== 'boolean' && value.includes(actual);
    case 'contains':
      return typeof value === 'string' && String(actual).toLowerCase().includes(value.toLowerCase());
    default:
      return isOrdered(actual, value) && compareOrdered(actual as number | string, comparator, value);
  }
}

function compareOrdered(a: number | string, comparator: 'gt' | 'gte' | 'lt' | 'lte', b: number | string): boolean {
  if (comparator === 'gt') return a > b;
  if (comparator === 'gte') return a >= b;
  if (comparator === 'lt') return a < b;
  return a <= b;
}

/**
 * Evaluates a branch condition. Pure; a missing field compares false (except `neq`, which is true).
 *
 * @example
 * evaluateCondition({ op: 'eventSeen', eventType: 'email_reply' }, { lead, eventsSeen: { 'email_reply': 1 } }); // true
 * evaluateCondition({ op: 'replyIntent', intent: 'pricing' }, { lead, eventsSeen: {},
 *   lastReply: { eventType: 'whatsapp_reply', occurredAt, intent: 'pricing', confidence: 0.9 } }); // true
 */
export function evaluateCondition(condition: Condition, scope: ConditionScope): boolean {
  switch (condition.op) {
    case 'and':
      return condition.conditions.every((c) => evaluateCondition(c, scope));
    case 'or':
      return condition.conditions.some((c) => evaluateCondition(c, scope));
    case 'not':
      return !evaluateCondition(condition.condition, scope);
    case 'eventSeen': {
      const key = condition.channel ? `${condition.eventType}@${condition.channel}` : condition.eventType;
      return (scope.eventsSeen[key] ?? 0) > 0;
    }
    case 'compare':
      return compare(readField(condition.field, scope.lead), condition.comparator, condition.value);
    case 'replyIntent':
      return hasReplyIntent(condition, scope.lastReply);
  }
}

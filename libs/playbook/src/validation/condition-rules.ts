import { isReplyIntent, REPLY_INTENTS } from '@segflow/intent';
import { attributeValueIssue, type LeadAttributeDefinition } from '@segflow/scoring';
import type { Condition } from '../nodes/condition';
import type { PlaybookNode } from '../nodes/playbook-node';
import type { PlaybookIssue } from './playbook-issue';
import type { ValidationContext } from './validation-context';

type Leaf = Exclude<Condition, { op: 'and' | 'or' | 'not' }>;

// Every non-group condition of a tree with its dotted path from the node.
function leavesOf(condition: Condition, path: string): Array<{ condition: Leaf; path: string }> {
  switch (condition.op) {
    case 'and':
    case 'or':
      return condition.conditions.flatMap((c, i) => leavesOf(c, `${path}.conditions.${i}`));
    case 'not':
      return leavesOf(condition.condition, `${path}.condition`);
    default:
      return [{ condition, path }];
  }
}

const branchLeaves = (node: PlaybookNode) =>
  node.type === 'branch' ? leavesOf(node.config.condition, 'config.condition') : [];

/** A branch on reply intent names one of the classifier's intents (`@segflow/intent` REPLY_INTENTS). */
export function checkReplyIntents(node: PlaybookNode): PlaybookIssue[] {
  return branchLeaves(node).flatMap(({ condition, path }): PlaybookIssue[] =>
    condition.op === 'replyIntent' && !isReplyIntent(condition.intent)
      ? [
          {
            code: 'unknown-intent',
            nodeId: node.id,
            field: `${path}.intent`,
            message: `unknown reply intent "${condition.intent}" (expected one of ${REPLY_INTENTS.join(', ')})`,
          },
        ]
      : [],
  );
}

type Compare = Extract<Condition, { op: 'compare' }>;

// Why a comparison does not fit the attribute's type, with the field it concerns; null when it fits.
function attributeComparisonIssue(
  def: LeadAttributeDefinition,
  { comparator, value }: Compare,
): { field: 'comparator' | 'value'; reason: string } | null {
  const ordered = ['gt', 'gte', 'lt', 'lte'].includes(comparator);
  if (comparator === 'exists') return null;
  if (ordered && def.type !== 'number' && def.type !== 'date')
    return { field: 'comparator', reason: `${comparator} compares numbers and dates; ${def.key} is ${def.type}` };
  if (comparator === 'contains')
    return def.type === 'text'
      ? typeof value === 'string'
        ? null
        : { field: 'value', reason: 'expected text' }
      : { field: 'comparator', reason: `contains reads text; ${def.key} is ${def.type}` };
  if (comparator === 'in') {
    if (!Array.isArray(value) || value.length === 0) return { field: 'value', reason: 'expected a list of values' };
    const bad = value.map((v) => attributeValueIssue(def, v)).find((reason) => reason !== null);
    return bad ? { field: 'value', reason: bad } : null;
  }
  const reason = attributeValueIssue(def, value);
  return reason ? { field: 'value', reason } : null;
}

/**
 * A branch on a custom attribute names one of the workspace schema, and its comparison fits the attribute's type:
 * ordering only on numbers and dates, `contains` only on text, values of the attribute's type (an enum's allowed
 * values, dates as `YYYY-MM-DD`).
 */
export function checkAttributeConditions(node: PlaybookNode, context: ValidationContext): PlaybookIssue[] {
  const byKey = new Map(context.leadAttributes.map((a) => [a.key, a]));
  return branchLeaves(node).flatMap(({ condition, path }): PlaybookIssue[] => {
    if (condition.op !== 'compare' || condition.field.scope !== 'attribute') return [];
    const def = byKey.get(condition.field.key);
    if (!def)
      return [
        {
          code: 'unknown-attribute',
          nodeId: node.id,
          field: `${path}.field.key`,
          message: `unknown lead attribute "${condition.field.key}" (not in the workspace schema)`,
        },
      ];
    const issue = attributeComparisonIssue(def, condition);
    return issue
      ? [
          {
            code: 'attribute-comparison',
            nodeId: node.id,
            field: `${path}.${issue.field}`,
            message: `${def.key}: ${issue.reason}`,
          },
        ]
      : [];
  });
}

import { isReplyIntent, REPLY_INTENTS } from '@segflow/intent';
import type { Condition } from '../nodes/condition';
import type { PlaybookNode } from '../nodes/playbook-node';
import type { PlaybookIssue } from './playbook-issue';

type ReplyIntentCondition = Extract<Condition, { op: 'replyIntent' }>;

function replyIntentConditions(
  condition: Condition,
  path: string,
): Array<{ condition: ReplyIntentCondition; path: string }> {
  switch (condition.op) {
    case 'and':
    case 'or':
      return condition.conditions.flatMap((c, i) => replyIntentConditions(c, `${path}.conditions.${i}`));
    case 'not':
      return replyIntentConditions(condition.condition, `${path}.condition`);
    case 'replyIntent':
      return [{ condition, path }];
    default:
      return [];
  }
}

/** A branch on reply intent names one of the classifier's intents (`@segflow/intent` REPLY_INTENTS). */
export function checkReplyIntents(node: PlaybookNode): PlaybookIssue[] {
  if (node.type !== 'branch') return [];
  return replyIntentConditions(node.config.condition, 'config.condition')
    .filter(({ condition }) => !isReplyIntent(condition.intent))
    .map(({ condition, path }) => ({
      code: 'unknown-intent',
      nodeId: node.id,
      field: `${path}.intent`,
      message: `unknown reply intent "${condition.intent}" (expected one of ${REPLY_INTENTS.join(', ')})`,
    }));
}

import type { Condition, PlaybookNode } from '@segflow/playbook';
import { formatMinutes } from './duration';

function describeCondition(condition: Condition): string {
  switch (condition.op) {
    case 'and':
    case 'or':
      return condition.conditions.map(describeCondition).join(` ${condition.op} `);
    case 'not':
      return `not (${describeCondition(condition.condition)})`;
    case 'eventSeen':
      return `saw ${condition.eventType}${condition.channel ? ` on ${condition.channel}` : ''}`;
    case 'replyIntent':
      return `reply intent is ${condition.intent}${condition.minConfidence === undefined ? '' : ` (≥ ${Math.round(condition.minConfidence * 100)}%)`}`;
    case 'compare': {
      const field =
        condition.field.scope === 'feature'
          ? condition.field.name
          : condition.field.scope === 'attribute'
            ? `attributes.${condition.field.key}`
            : `${condition.field.scope}.${condition.field.field}`;
      return `${field} ${condition.comparator}${condition.value === undefined ? '' : ` ${JSON.stringify(condition.value)}`}`;
    }
  }
}

/**
 * One line describing what a node does, for its card on the canvas.
 *
 * @example
 * summarizeNode({ id: 'w', type: 'wait', position: { x: 0, y: 0 }, config: { mode: 'duration', minutes: 2880 } }); // 'Wait 2 days'
 */
export function summarizeNode(node: PlaybookNode): string {
  switch (node.type) {
    case 'entry':
      return 'Lead joins the segment';
    case 'send':
      return `${node.config.channel}: ${node.config.subject ?? node.config.body.split('\n')[0] ?? ''}`;
    case 'task':
      return `${node.config.taskType}: ${node.config.title}`;
    case 'route':
      return `${node.config.rule.kind}${'teamId' in node.config.rule ? ` → ${node.config.rule.teamId}` : ''}`;
    case 'wait':
      return node.config.mode === 'duration'
        ? `Wait ${formatMinutes(node.config.minutes)}`
        : `Until business hours (${node.config.calendar.timeZone})`;
    case 'waitForEvent':
      return `${node.config.eventTypes.join(', ') || '(no events)'} within ${formatMinutes(node.config.timeoutMinutes)}`;
    case 'branch':
      return describeCondition(node.config.condition);
    case 'split':
      return node.config.variants.map((v) => `${v.label} ${v.weight}%`).join(' · ');
    case 'goal':
      return `${node.config.eventTypes.join(', ') || '(no events)'}${node.config.windowMinutes ? ` within ${formatMinutes(node.config.windowMinutes)}` : ''}`;
    case 'exit':
      return `Exit: ${node.config.reason}`;
  }
}

import { eventTypesWithOutcome } from '@segflow/events';
import type { Condition } from './nodes/condition';
import type { Playbook } from './playbook-schema';

function addConditionEvents(condition: Condition, heard: Set<string>): void {
  switch (condition.op) {
    case 'and':
    case 'or':
      return condition.conditions.forEach((c) => addConditionEvents(c, heard));
    case 'not':
      return addConditionEvents(condition.condition, heard);
    case 'eventSeen':
      return void heard.add(condition.eventType);
    case 'replyIntent':
      return eventTypesWithOutcome('reply').forEach((type) => heard.add(type));
    case 'compare':
      return;
  }
}

/**
 * The ingest event types (`POST /api/events` names) a run of this playbook can act on, sorted: its goal events,
 * the events its goal and wait-for-event nodes wait for, those its branches ask about (every reply type for a branch
 * on reply intent), and `unsubscribe` (it
 * withdraws a channel's consent, or ends the run when it is from every channel). An event of any other type
 * changes nothing the run does (the interpreter would only count it), so the API does not signal it to the run:
 * a run woken for every email open would cost a workflow task each.
 *
 * @example
 * eventTypesHeardBy(samplePlaybook()); // ['demo_booked', 'email_reply', 'unsubscribe']
 */
export function eventTypesHeardBy(playbook: Pick<Playbook, 'settings' | 'nodes'>): string[] {
  const heard = new Set<string>([...eventTypesWithOutcome('optOut'), ...playbook.settings.goalEvents]);
  for (const node of playbook.nodes) {
    if (node.type === 'goal' || node.type === 'waitForEvent') node.config.eventTypes.forEach((type) => heard.add(type));
    if (node.type === 'branch') addConditionEvents(node.config.condition, heard);
  }
  return [...heard].sort();
}

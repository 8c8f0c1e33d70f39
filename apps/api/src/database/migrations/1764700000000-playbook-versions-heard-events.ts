import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each published version records the event types its runs act on (`eventTypesHeardBy` of its graph), so ingest and
 * the outbox dispatcher signal a run only with those. Before, a fixed list was forwarded to every run: most of it
 * woke runs that only counted the event, and a playbook waiting for an event outside the list (an email click)
 * never heard it. Existing versions are computed from their graphs; a row inserted without the column (test and
 * bench fixtures) hears every type.
 */
export class PlaybookVersionsHeardEvents1764700000000 implements MigrationInterface {
  name = 'PlaybookVersionsHeardEvents1764700000000';

  async up(q: QueryRunner): Promise<void> {
    const everyType = `ARRAY[${EVERY_EVENT_TYPE.map((type) => `'${type}'`).join(', ')}]::text[]`;
    await q.query(`ALTER TABLE playbook_versions ADD COLUMN heard_event_types text[] NOT NULL DEFAULT ${everyType}`);
    const versions: Array<{ id: string; graph: StoredGraph }> = await q.query(
      `SELECT id, graph FROM playbook_versions`,
    );
    for (const { id, graph } of versions) {
      await q.query(`UPDATE playbook_versions SET heard_event_types = $2 WHERE id = $1`, [id, heardBy(graph)]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE playbook_versions DROP COLUMN heard_event_types`);
  }
}

// Frozen copies of what libs/events and libs/playbook said at this migration (a migration never imports live
// library code): the event types, and `eventTypesHeardBy` over the graph shape of the time.
export const EVERY_EVENT_TYPE = [
  'page_view',
  'email_open',
  'email_click',
  'email_reply',
  'email_bounce',
  'whatsapp_delivered',
  'whatsapp_read',
  'whatsapp_reply',
  'linkedin_accept',
  'linkedin_reply',
  'demo_booked',
  'demo_attended',
  'demo_no_show',
  'form_submit',
  'purchase',
  'unsubscribe',
] as const;

type StoredCondition =
  | { op: 'and' | 'or'; conditions: StoredCondition[] }
  | { op: 'not'; condition: StoredCondition }
  | { op: 'eventSeen'; eventType: string }
  | { op: 'compare' };

interface StoredGraph {
  settings: { goalEvents: string[] };
  nodes: Array<{ type: string; config: { eventTypes?: string[]; condition?: StoredCondition } }>;
}

function addConditionEvents(condition: StoredCondition, heard: Set<string>): void {
  if (condition.op === 'and' || condition.op === 'or')
    condition.conditions.forEach((c) => addConditionEvents(c, heard));
  else if (condition.op === 'not') addConditionEvents(condition.condition, heard);
  else if (condition.op === 'eventSeen') heard.add(condition.eventType);
}

function heardBy(graph: StoredGraph): string[] {
  const heard = new Set<string>(['unsubscribe', ...graph.settings.goalEvents]);
  for (const node of graph.nodes) {
    if (node.type === 'goal' || node.type === 'waitForEvent')
      node.config.eventTypes?.forEach((type) => heard.add(type));
    if (node.type === 'branch' && node.config.condition) addConditionEvents(node.config.condition, heard);
  }
  return [...heard].sort();
}

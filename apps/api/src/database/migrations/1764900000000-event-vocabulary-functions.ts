import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  eventsChangedFunction,
  LITERAL_CLASSES,
  outcomeFacts,
  refreshAttributionFunction,
  type OutcomeClassesSql,
} from './1764610000000-add-dashboard-rollups';
import { EVERY_EVENT_TYPE } from './1764700000000-playbook-versions-heard-events';

/**
 * The roll-ups and the heard-events default stop naming event types: they call `segflow_event_outcome(type)`,
 * `segflow_event_channel(type)` and `segflow_event_types()`, which apps/api's repeatable step
 * (libs/stores event-vocabulary.store.ts) regenerates from libs/events' vocabulary after every migration run. This creates
 * them as the vocabulary stood at this migration (frozen here), so the switch is complete before that step runs
 * and, while the vocabulary is unchanged, that step finds nothing to do.
 */
export class EventVocabularyFunctions1764900000000 implements MigrationInterface {
  name = 'EventVocabularyFunctions1764900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of FUNCTIONS_AS_OF_THIS_MIGRATION) await q.query(sql);
    await switchClasses(q, FUNCTION_CLASSES);
    await q.query(`ALTER TABLE playbook_versions ALTER COLUMN heard_event_types SET DEFAULT segflow_event_types()`);
  }

  async down(q: QueryRunner): Promise<void> {
    const everyType = `ARRAY[${EVERY_EVENT_TYPE.map((type) => `'${type}'`).join(', ')}]::text[]`;
    await q.query(`ALTER TABLE playbook_versions ALTER COLUMN heard_event_types SET DEFAULT ${everyType}`);
    await switchClasses(q, LITERAL_CLASSES);
    await q.query(`DROP FUNCTION segflow_event_types(), segflow_event_channel(text), segflow_event_outcome(text)`);
  }
}

// The dashboards count these outcome classes; which types belong to them is the functions' business.
export const FUNCTION_CLASSES: OutcomeClassesSql = {
  reply: (type) => `segflow_event_outcome(${type}) = 'reply'`,
  meeting: (type) => `segflow_event_outcome(${type}) = 'meeting'`,
  conversion: (type) => `segflow_event_outcome(${type}) = 'conversion'`,
  counted: (type) => `segflow_event_outcome(${type}) IN ('reply', 'meeting', 'conversion')`,
  channel: (type) => `segflow_event_channel(${type})`,
};

/** Points the outcome view, the roll-up functions and the partial outcome index at `classes`. */
async function switchClasses(q: QueryRunner, classes: OutcomeClassesSql): Promise<void> {
  await q.query(
    `CREATE OR REPLACE VIEW dashboard_outcome_facts AS ${outcomeFacts('events', 'dashboard_lead_attribution', classes)}`,
  );
  await q.query(refreshAttributionFunction(classes));
  await q.query(eventsChangedFunction(classes));
  await q.query(`DROP INDEX events_outcome_occurred_idx`);
  await q.query(
    `CREATE INDEX events_outcome_occurred_idx ON events (occurred_at) INCLUDE (lead_id, type) WHERE ${classes.counted('type')}`,
  );
}

// Byte for byte what the repeatable step generated from the vocabulary of this migration's day (pg_proc.prosrc is
// compared, so an unchanged vocabulary costs no roll-up rebuild on upgrade).
const FUNCTIONS_AS_OF_THIS_MIGRATION = [
  `CREATE OR REPLACE FUNCTION segflow_event_outcome(event_type text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $vocabulary$
  SELECT CASE event_type
    WHEN 'email_reply' THEN 'reply'
    WHEN 'email_bounce' THEN 'bounce'
    WHEN 'whatsapp_reply' THEN 'reply'
    WHEN 'linkedin_reply' THEN 'reply'
    WHEN 'demo_booked' THEN 'meeting'
    WHEN 'purchase' THEN 'conversion'
    WHEN 'unsubscribe' THEN 'optOut'
  END
$vocabulary$`,
  `CREATE OR REPLACE FUNCTION segflow_event_channel(event_type text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $vocabulary$
  SELECT CASE event_type
    WHEN 'email_open' THEN 'email'
    WHEN 'email_click' THEN 'email'
    WHEN 'email_reply' THEN 'email'
    WHEN 'email_bounce' THEN 'email'
    WHEN 'whatsapp_delivered' THEN 'whatsapp'
    WHEN 'whatsapp_read' THEN 'whatsapp'
    WHEN 'whatsapp_reply' THEN 'whatsapp'
    WHEN 'linkedin_accept' THEN 'linkedin'
    WHEN 'linkedin_reply' THEN 'linkedin'
  END
$vocabulary$`,
  `CREATE OR REPLACE FUNCTION segflow_event_types() RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $vocabulary$
  SELECT ARRAY[${EVERY_EVENT_TYPE.map((type) => `'${type}'`).join(', ')}]::text[]
$vocabulary$`,
];

import { eventTypesHeardBy, type Playbook } from '@segflow/playbook';
import { EVENT_TYPES } from '@segflow/scoring';
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
    const everyType = `ARRAY[${EVENT_TYPES.map((type) => `'${type}'`).join(', ')}]::text[]`;
    await q.query(`ALTER TABLE playbook_versions ADD COLUMN heard_event_types text[] NOT NULL DEFAULT ${everyType}`);
    const versions: Array<{ id: string; graph: Playbook }> = await q.query(`SELECT id, graph FROM playbook_versions`);
    for (const { id, graph } of versions) {
      await q.query(`UPDATE playbook_versions SET heard_event_types = $2 WHERE id = $1`, [
        id,
        eventTypesHeardBy(graph),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE playbook_versions DROP COLUMN heard_event_types`);
  }
}

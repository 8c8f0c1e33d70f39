import { eventTypesHeardBy } from '@segflow/playbook';
import { samplePlaybook } from '@segflow/playbook/testing';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../../tools/testing/test-database';
import { MIGRATIONS } from '../schema';
import {
  EVERY_EVENT_TYPE,
  PlaybookVersionsHeardEvents1764700000000,
} from './1764700000000-playbook-versions-heard-events';

describe('migration 1764700000000: what each playbook version hears', () => {
  const migrateUpTo = async (url: string, count: number) => {
    const dataSource = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS.slice(0, count) });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  };

  it('computes it for versions published before it, and gives a row inserted without it every type', async () => {
    const url = await createTestDatabase('heard_migration');
    const index = MIGRATIONS.indexOf(PlaybookVersionsHeardEvents1764700000000);
    await migrateUpTo(url, index);
    const db = new DataSource({ type: 'postgres', url });
    await db.initialize();
    try {
      const [{ id: playbookId }] = await db.query(
        `INSERT INTO playbooks (name, draft) VALUES ('Old', '{}') RETURNING id`,
      );
      const [{ id: versionId }] = await db.query(
        `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, $2) RETURNING id`,
        [playbookId, samplePlaybook()],
      );
      await migrateUpTo(url, index + 1);
      const [old] = await db.query(`SELECT heard_event_types FROM playbook_versions WHERE id = $1`, [versionId]);
      expect(old.heard_event_types).toEqual(eventTypesHeardBy(samplePlaybook()));
      const [fixture] = await db.query(
        `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 2, '{}') RETURNING heard_event_types`,
        [playbookId],
      );
      expect(fixture.heard_event_types).toEqual([...EVERY_EVENT_TYPE]);
    } finally {
      await db.destroy();
    }
  });
});

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Custom lead attributes (issue 20): `lead_attributes` is the workspace's schema (typed keys an admin manages) and
 * `leads.attributes` holds each lead's values as one jsonb object keyed by attribute key, so playbook conditions and
 * rule segments read them with the lead's row.
 */
export class LeadAttributes1764965000000 implements MigrationInterface {
  name = 'LeadAttributes1764965000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_attributes (
        key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
        label text NOT NULL,
        type text NOT NULL CHECK (type IN ('text', 'number', 'date', 'enum')),
        enum_values text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE leads ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads DROP COLUMN attributes`);
    await q.query(`DROP TABLE lead_attributes`);
  }
}

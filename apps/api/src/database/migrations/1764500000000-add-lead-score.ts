import { MigrationInterface, QueryRunner } from 'typeorm';

/** The lead's 0–100 score (libs/scoring leadScore) as of its last event, stored so lists can filter and sort on it. */
export class AddLeadScore1764500000000 implements MigrationInterface {
  name = 'AddLeadScore1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lead_features ADD COLUMN score real NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX lead_features_score_idx ON lead_features (score DESC)`);
    await q.query(`CREATE INDEX leads_owner_idx ON leads (owner_id) WHERE owner_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX leads_owner_idx`);
    await q.query(`ALTER TABLE lead_features DROP COLUMN score`);
  }
}

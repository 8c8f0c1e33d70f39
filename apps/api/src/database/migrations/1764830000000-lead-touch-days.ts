import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `maxTouchesPerDay` per lead across all its runs (issue 16): one counter row per lead and lead-local day, which a
 * run's send reserves atomically before it goes out (`n < cap`), so two concurrent runs cannot both take the last
 * slot. `keys` holds the touches' idempotency keys, so a retried reservation counts once.
 */
export class LeadTouchDays1764830000000 implements MigrationInterface {
  name = 'LeadTouchDays1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_touch_days (
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        day date NOT NULL,
        n int NOT NULL,
        keys text[] NOT NULL,
        PRIMARY KEY (lead_id, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lead_touch_days`);
  }
}

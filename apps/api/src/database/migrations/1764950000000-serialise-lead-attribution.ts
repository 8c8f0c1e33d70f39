import { MigrationInterface, QueryRunner } from 'typeorm';
import { refreshAttributionFunction } from './1764610000000-add-dashboard-rollups';
import { FUNCTION_CLASSES } from './1764900000000-event-vocabulary-functions';

/**
 * Two transactions starting runs of one lead at the same moment (a manual enrolment beside a segment entry) each
 * deleted the lead's attribution row, saw none, and inserted one: the second failed on the primary key and its run
 * was lost. The refresh now locks the leads' rows first (FOR NO KEY UPDATE, which ingest's FOR KEY SHARE does not
 * wait for), so the second waits, then sees the first's row and moves it.
 */
export class SerialiseLeadAttribution1764950000000 implements MigrationInterface {
  name = 'SerialiseLeadAttribution1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(refreshAttributionFunction(FUNCTION_CLASSES, { lockLeads: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(refreshAttributionFunction(FUNCTION_CLASSES));
  }
}

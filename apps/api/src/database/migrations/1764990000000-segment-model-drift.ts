import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `segment_models.drift` (issue 19, scheduled retrain): how far a candidate drifted from the model active when it was
 * trained (score, level and the signals behind them). Null for first models and for models trained before it existed.
 */
export class SegmentModelDrift1764990000000 implements MigrationInterface {
  name = 'SegmentModelDrift1764990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE segment_models ADD COLUMN drift jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE segment_models DROP COLUMN drift`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `segment_models.propensity` (issue 19): the conversion propensity model trained with the segment model — weights,
 * standardiser, calibration and holdout metrics, or why none was trained — so it is approved and activated with it.
 * Null for models trained before this column existed.
 */
export class SegmentModelPropensity1764920000000 implements MigrationInterface {
  name = 'SegmentModelPropensity1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE segment_models ADD COLUMN propensity jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE segment_models DROP COLUMN propensity`);
  }
}

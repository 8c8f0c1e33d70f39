import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business hours follow the responsible rep: a rep gets per-weekday working hours and dated holidays, a team a
 * holiday list its members inherit, and an SLA clock remembers whose calendar its due time was counted in (so a
 * reassignment or a calendar change recomputes it). A rep's old single-window `calendar` moves into the new columns.
 */
export class AddRepCalendars1764600000000 implements MigrationInterface {
  name = 'AddRepCalendars1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reps ADD COLUMN working_hours jsonb, ADD COLUMN holidays jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`
      UPDATE reps SET
        working_hours = jsonb_build_object('timeZone', calendar->'timeZone', 'week',
          (SELECT jsonb_agg(jsonb_build_object('day', d::int, 'start', calendar->'workingHours'->'start', 'end', calendar->'workingHours'->'end'))
             FROM jsonb_array_elements_text(calendar->'workingHours'->'days') d)),
        holidays = COALESCE((SELECT jsonb_agg(jsonb_build_object('date', h, 'name', NULL))
                               FROM jsonb_array_elements_text(calendar->'holidays') h), '[]')
       WHERE calendar IS NOT NULL`);
    await q.query(`ALTER TABLE reps DROP COLUMN calendar`);
    await q.query(`ALTER TABLE teams ADD COLUMN holidays jsonb NOT NULL DEFAULT '[]'`);
    await q.query(
      `ALTER TABLE sla_clocks ADD COLUMN calendar_rep_id text, ADD COLUMN calendar_epoch int NOT NULL DEFAULT 0, ADD COLUMN counted_epoch int NOT NULL DEFAULT 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE sla_clocks DROP COLUMN counted_epoch, DROP COLUMN calendar_epoch, DROP COLUMN calendar_rep_id`,
    );
    await q.query(`ALTER TABLE teams DROP COLUMN holidays`);
    // Per-weekday windows have no single-window equivalent; reps fall back to their team's calendar after a rollback.
    await q.query(`ALTER TABLE reps ADD COLUMN calendar jsonb`);
    await q.query(`ALTER TABLE reps DROP COLUMN holidays, DROP COLUMN working_hours`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule segments (issue 20): `segments.kind` is `learned` (a segment model's, as before) or `rule` (defined by ops with
 * a rule, evaluated in real time; no model owns it). `priority` orders rule segments (lower first: a lead in several is
 * in the first); `archived_at` marks a deleted rule segment, kept because memberships reference it. A rule segment's
 * memberships have no model, so `segment_memberships.model_id` becomes nullable.
 */
export class RuleSegments1764960000000 implements MigrationInterface {
  name = 'RuleSegments1764960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE segments
        ADD COLUMN kind text NOT NULL DEFAULT 'learned' CHECK (kind IN ('learned', 'rule')),
        ADD COLUMN rule jsonb,
        ADD COLUMN priority int,
        ADD COLUMN archived_at timestamptz,
        ADD CONSTRAINT segments_rule_check CHECK ((kind = 'rule') = (rule IS NOT NULL AND priority IS NOT NULL))`);
    await q.query(
      `CREATE INDEX segments_live_rules_idx ON segments (priority) WHERE kind = 'rule' AND archived_at IS NULL`,
    );
    await q.query(`ALTER TABLE segment_memberships ALTER COLUMN model_id DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM segment_memberships WHERE model_id IS NULL`);
    await q.query(`ALTER TABLE segment_memberships ALTER COLUMN model_id SET NOT NULL`);
    await q.query(`DROP INDEX segments_live_rules_idx`);
    await q.query(
      `ALTER TABLE segments DROP CONSTRAINT segments_rule_check, DROP COLUMN archived_at, DROP COLUMN priority, DROP COLUMN rule, DROP COLUMN kind`,
    );
  }
}

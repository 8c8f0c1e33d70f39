import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV import of leads (issue 20): an import with its progress (`committed_rows` and `prefix_sha256`, the fingerprint
 * of the rows committed so far, let an upload of the same file resume after them), its failed rows, and the last
 * mapping used per header row (keyed by the md5 of the headers: a btree cannot index a long header row itself).
 */
export class LeadImports1764970000000 implements MigrationInterface {
  name = 'LeadImports1764970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_name text NOT NULL,
        size_bytes bigint,
        headers jsonb NOT NULL,
        mapping jsonb NOT NULL,
        state text NOT NULL DEFAULT 'created'
          CHECK (state IN ('created', 'receiving', 'interrupted', 'completed', 'failed')),
        failure text,
        upload_id uuid,
        committed_rows int NOT NULL DEFAULT 0,
        prefix_sha256 text,
        bytes_read bigint NOT NULL DEFAULT 0,
        rows_read int NOT NULL DEFAULT 0,
        created int NOT NULL DEFAULT 0,
        updated int NOT NULL DEFAULT 0,
        unchanged int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        errors_stored int NOT NULL DEFAULT 0,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE lead_import_errors (
        id bigserial PRIMARY KEY,
        import_id uuid NOT NULL REFERENCES lead_imports (id) ON DELETE CASCADE,
        row_number int NOT NULL,
        field text NOT NULL,
        column_name text,
        reason text NOT NULL
      )`);
    await q.query(`CREATE INDEX lead_import_errors_import_row_idx ON lead_import_errors (import_id, row_number, id)`);
    await q.query(`
      CREATE TABLE lead_import_mappings (
        signature_md5 text PRIMARY KEY,
        mapping jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lead_import_mappings`);
    await q.query(`DROP TABLE lead_import_errors`);
    await q.query(`DROP TABLE lead_imports`);
  }
}

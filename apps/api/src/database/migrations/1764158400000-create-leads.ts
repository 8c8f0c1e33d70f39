import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLeads1764158400000 implements MigrationInterface {
  name = 'CreateLeads1764158400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE leads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        external_id text NOT NULL UNIQUE,
        name text, email text, phone text, linkedin_url text, company text, industry text,
        headcount int, revenue_band text, funding_stage text, city text, country text, timezone text,
        owner_id text,
        consent jsonb NOT NULL DEFAULT '{"email":true,"whatsapp":false,"linkedin":true}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX leads_created_at_idx ON leads (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE lead_intakes (
        lead_id uuid PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
        workflow_id text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lead_intakes`);
    await q.query(`DROP TABLE leads`);
  }
}

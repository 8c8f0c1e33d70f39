import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sandbox mailbox (issue 16): with `MAIL_SANDBOX=on` the embedded SMTP server keeps every message addressed
 * outside the inbound domain here instead of relaying it, so `npm start` shows what Segflow sent on the Mail page.
 * Nothing here ever leaves the machine.
 */
export class SandboxMail1764810000000 implements MigrationInterface {
  name = 'SandboxMail1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sandbox_mail (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        envelope_from text,
        envelope_to text[] NOT NULL,
        message_id text,
        from_address text,
        to_addresses text,
        reply_to text,
        subject text,
        text text,
        html text,
        headers jsonb NOT NULL,
        raw bytea NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sandbox_mail_received_idx ON sandbox_mail (received_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sandbox_mail`);
  }
}

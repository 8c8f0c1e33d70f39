import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WhatsApp (issue 16): the sandbox's conversations, and an index to find a lead by the phone an inbound WhatsApp
 * message comes from (the webhook's fallback when a message answers none of our touches).
 * `whatsapp_sandbox_messages` holds what the sandbox "sent" (outbound, with Meta's statuses as it reported them) and
 * what a user answered as the lead (inbound, with the wamid it answered), per lead phone.
 */
export class WhatsAppSandbox1764820000000 implements MigrationInterface {
  name = 'WhatsAppSandbox1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX leads_phone_idx ON leads (phone) WHERE phone IS NOT NULL`);
    await q.query(`
      CREATE TABLE whatsapp_sandbox_messages (
        wamid text PRIMARY KEY,
        phone text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
        type text NOT NULL CHECK (type IN ('text', 'template')),
        body text NOT NULL,
        template jsonb,
        context_wamid text,
        callback_data text,
        status text NOT NULL CHECK (status IN ('accepted', 'sent', 'delivered', 'read', 'received')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX whatsapp_sandbox_messages_phone_idx ON whatsapp_sandbox_messages (phone, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE whatsapp_sandbox_messages`);
    await q.query(`DROP INDEX leads_phone_idx`);
  }
}

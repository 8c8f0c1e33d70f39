import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channels for real (issue 16): a touch's send intent and delivery lifecycle, and consent that outlives a run.
 * - `touches.status` is the send outcome dashboards count: `queued` (intent written before the provider is called,
 *   with the `message_id` the provider is given), then `sent` or `failed`. `delivery_status` is what happened after:
 *   libs/channels' `TOUCH_STATUSES`, moved forward by provider statuses, opens, clicks, replies and bounces.
 * - `suppressions`: addresses no touch may go to on a channel (unsubscribe, hard bounce), whichever lead they belong to.
 * - `consent_changes`: every opt-out and explicit opt-in of a lead, so a later import cannot silently re-grant.
 * - `inbound_messages`: every authenticated message that came back (reply, auto-reply, bounce, opt-out), once per
 *   provider id (Meta and inbound-parse services retry), threaded to its touch, with the reply text kept.
 */
export class ChannelDelivery1764800000000 implements MigrationInterface {
  name = 'ChannelDelivery1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE touches DROP CONSTRAINT touches_status_check`);
    await q.query(
      `ALTER TABLE touches ADD CONSTRAINT touches_status_check CHECK (status IN ('queued', 'sent', 'failed'))`,
    );
    await q.query(`
      ALTER TABLE touches
        ADD COLUMN delivery_status text NOT NULL DEFAULT 'queued'
          CHECK (delivery_status IN ('queued', 'sent', 'delivered', 'opened', 'clicked', 'replied', 'bounced', 'failed', 'suppressed')),
        ADD COLUMN delivery_status_at timestamptz,
        ADD COLUMN message_id text UNIQUE,
        ADD COLUMN to_address text,
        ADD COLUMN html text,
        ADD COLUMN sent_at timestamptz`);
    await q.query(`
      UPDATE touches SET delivery_status = CASE status WHEN 'sent' THEN 'sent' ELSE 'failed' END,
                         delivery_status_at = created_at,
                         sent_at = CASE status WHEN 'sent' THEN created_at END`);
    await q.query(`
      CREATE TABLE suppressions (
        channel text NOT NULL CHECK (channel IN ('email', 'whatsapp')),
        address text NOT NULL,
        reason text NOT NULL CHECK (reason IN ('unsubscribe', 'hard_bounce', 'complaint', 'manual')),
        lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
        source text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel, address)
      )`);
    await q.query(`
      CREATE TABLE consent_changes (
        id bigserial PRIMARY KEY,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'whatsapp', 'linkedin')),
        granted boolean NOT NULL,
        occurred_at timestamptz NOT NULL,
        source text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consent_changes_lead_idx ON consent_changes (lead_id, channel, occurred_at DESC)`);
    await q.query(`
      CREATE TABLE inbound_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('email', 'whatsapp')),
        provider_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('reply', 'auto_reply', 'bounce', 'opt_out', 'unmatched')),
        lead_id uuid REFERENCES leads(id) ON DELETE CASCADE,
        touch_id uuid REFERENCES touches(id) ON DELETE SET NULL,
        from_address text,
        subject text,
        text text,
        details jsonb NOT NULL DEFAULT '{}',
        event_id text,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (channel, provider_id)
      )`);
    await q.query(`CREATE INDEX inbound_messages_lead_idx ON inbound_messages (lead_id, received_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbound_messages`);
    await q.query(`DROP TABLE consent_changes`);
    await q.query(`DROP TABLE suppressions`);
    await q.query(`DELETE FROM touches WHERE status = 'queued'`);
    await q.query(`ALTER TABLE touches DROP COLUMN delivery_status, DROP COLUMN delivery_status_at, DROP COLUMN message_id,
                   DROP COLUMN to_address, DROP COLUMN html, DROP COLUMN sent_at`);
    await q.query(`ALTER TABLE touches DROP CONSTRAINT touches_status_check`);
    await q.query(`ALTER TABLE touches ADD CONSTRAINT touches_status_check CHECK (status IN ('sent', 'failed'))`);
  }
}

import { randomUUID } from 'node:crypto';
import { messageIdFor } from '@segflow/channels';
import { SlaFixtures } from './sla-fixtures';

/** An email touch written as the delivering activity writes a sent one: Message-ID, recipient address. */
export interface EmailTouchFixture {
  touchId: string;
  leadId: string;
  leadExternalId: string;
  /** With angle brackets, as in a header. */
  messageId: string;
  address: string;
}

/** A lead in a run with one sent email touch, by direct SQL (the worker's part is not under test here). */
export async function createEmailTouch(fixtures: SlaFixtures, address: string): Promise<EmailTouchFixture> {
  const leadId = await fixtures.lead();
  await fixtures.db.query(`UPDATE leads SET email = $2 WHERE id = $1`, [leadId, address]);
  const { rows } = await fixtures.db.query(`SELECT external_id FROM leads WHERE id = $1`, [leadId]);
  const segmentId = await fixtures.segment(`Mail ${randomUUID().slice(0, 6)}`);
  // The fixture model has no standardizer: retired, so ingesting the lead's events assigns no segment.
  await fixtures.db.query(`UPDATE segment_models SET status = 'retired' WHERE status = 'active'`);
  const membershipId = await fixtures.enter(leadId, segmentId, new Date());
  const playbook = await fixtures.playbook('Mail');
  const runId = await fixtures.run({ leadId, membershipId, segmentId, playbook, startedAt: new Date() });
  const touchId = randomUUID();
  const messageId = messageIdFor(`${runId}:send-1:1`, 'mail.segflow.test');
  await fixtures.db.query(
    `INSERT INTO touches (id, run_id, lead_id, node_id, visit, channel, subject, body, sender, status, delivery_status, message_id, to_address, sent_at)
     VALUES ($1, $2, $3, 'send-1', 1, 'email', 'Pricing for your team', 'Hi', '{"kind":"fixed","ownerId":null,"name":"Segflow","address":"sales@mail.segflow.test"}', 'sent', 'sent', $4, $5, now())`,
    [touchId, runId, leadId, messageId, address],
  );
  return { touchId, leadId, leadExternalId: rows[0].external_id, messageId, address };
}

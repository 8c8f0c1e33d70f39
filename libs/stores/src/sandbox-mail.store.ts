import type { SandboxMail, SandboxMailSummary } from '@segflow/api-contracts';
import type { Queryable } from './queryable';

/** A message caught by the sandbox mailbox, parsed. */
export interface NewSandboxMail {
  envelopeFrom: string | null;
  envelopeTo: string[];
  messageId: string | null;
  fromAddress: string | null;
  toAddresses: string | null;
  /** The bare Reply-To address, where an answer goes. */
  replyTo: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  /** The header lines in order, as received: `[name, line]`. */
  headers: [string, string][];
  /** The message as received (a Buffer where Node has one). */
  raw: Uint8Array;
}

export async function insertSandboxMail(q: Queryable, m: NewSandboxMail): Promise<string> {
  const rows: { id: string }[] = await q.query(
    `INSERT INTO sandbox_mail (envelope_from, envelope_to, message_id, from_address, to_addresses, reply_to, subject, text, html, headers, raw)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text`,
    [
      m.envelopeFrom,
      m.envelopeTo,
      m.messageId,
      m.fromAddress,
      m.toAddresses,
      m.replyTo,
      m.subject,
      m.text,
      m.html,
      JSON.stringify(m.headers),
      m.raw,
    ],
  );
  return rows[0]!.id;
}

/** Newest first; `offset` pages back. */
export function listSandboxMail(q: Queryable, limit: number, offset: number): Promise<SandboxMailSummary[]> {
  return q.query(
    `SELECT id::text, from_address AS "fromAddress", to_addresses AS "toAddresses", subject, received_at AS "receivedAt"
       FROM sandbox_mail ORDER BY received_at DESC, id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
}

export async function findSandboxMail(q: Queryable, id: string): Promise<SandboxMail | null> {
  const rows: SandboxMail[] = await q.query(
    `SELECT id::text, from_address AS "fromAddress", to_addresses AS "toAddresses", subject, received_at AS "receivedAt",
            envelope_from AS "envelopeFrom", envelope_to AS "envelopeTo", message_id AS "messageId", reply_to AS "replyTo",
            text, html, headers
       FROM sandbox_mail WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * Deletes the sandbox mailbox's messages to or from the address (the sandbox is a test inbox: nothing counts them).
 * @example await deleteSandboxMailOf(manager, 'asha@example.in');
 */
export async function deleteSandboxMailOf(db: Queryable, email: string): Promise<void> {
  await db.query(
    `DELETE FROM sandbox_mail
      WHERE position($1 in lower(concat_ws(' ', envelope_from, array_to_string(envelope_to, ' '), from_address, to_addresses, reply_to))) > 0`,
    [email.toLowerCase()],
  );
}

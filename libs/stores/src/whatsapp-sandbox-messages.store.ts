import type { SandboxMessage } from '@segflow/api-contracts';
import type { Queryable } from './queryable';

/** A message of a sandbox conversation, as the sandbox page shows it. */
export type SandboxMessageRow = SandboxMessage;

const COLUMNS = `wamid, phone, direction, type, body, template, context_wamid AS "contextWamid", callback_data AS "callbackData",
  status, created_at AS "createdAt"`;

/** Stores a message the sandbox sent or received. */
export async function insertSandboxMessage(q: Queryable, m: Omit<SandboxMessageRow, 'createdAt'>): Promise<void> {
  await q.query(
    `INSERT INTO whatsapp_sandbox_messages (wamid, phone, direction, type, body, template, context_wamid, callback_data, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      m.wamid,
      m.phone,
      m.direction,
      m.type,
      m.body,
      m.template && JSON.stringify(m.template),
      m.contextWamid,
      m.callbackData,
      m.status,
    ],
  );
}

/** Moves an outbound message to `status` (sent → delivered → read). */
export async function setSandboxStatus(
  q: Queryable,
  wamid: string,
  status: 'sent' | 'delivered' | 'read',
): Promise<void> {
  await q.query(`UPDATE whatsapp_sandbox_messages SET status = $2 WHERE wamid = $1`, [wamid, status]);
}

/** The conversation with one number, oldest first (at most the last 500 messages). */
export async function listSandboxMessages(q: Queryable, phone: string): Promise<SandboxMessageRow[]> {
  const rows: SandboxMessageRow[] = await q.query(
    `SELECT * FROM (SELECT ${COLUMNS} FROM whatsapp_sandbox_messages WHERE phone = $1 ORDER BY created_at DESC LIMIT 500) m ORDER BY "createdAt"`,
    [phone],
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** Each number the sandbox talked to, newest first, with the lead that has it (the sandbox only reads `leads`). */
export async function listSandboxConversations(
  q: Queryable,
): Promise<Array<{ phone: string; leadName: string | null; messages: number; lastAt: string }>> {
  const rows = await q.query(
    `SELECT m.phone, count(*)::int AS messages, max(m.created_at) AS "lastAt",
            (SELECT coalesce(l.name, l.external_id) FROM leads l WHERE l.phone = m.phone ORDER BY l.updated_at DESC LIMIT 1) AS "leadName"
     FROM whatsapp_sandbox_messages m GROUP BY m.phone ORDER BY max(m.created_at) DESC LIMIT 200`,
  );
  return rows.map((r: { phone: string; leadName: string | null; messages: number; lastAt: Date }) => ({
    ...r,
    lastAt: new Date(r.lastAt).toISOString(),
  }));
}

/**
 * Deletes the WhatsApp sandbox's conversation with the phone number (a test inbox: nothing counts it).
 * @example await deleteSandboxMessagesOf(manager, '+919800000001');
 */
export async function deleteSandboxMessagesOf(db: Queryable, phone: string): Promise<void> {
  await db.query(`DELETE FROM whatsapp_sandbox_messages WHERE phone = $1`, [phone]);
}

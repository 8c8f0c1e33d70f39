import type { Queryable } from './queryable';

/** Owner of `notifications`: in-app notifications (SLA escalations) the web app polls. */

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  /** A repeat with the same key is dropped, so a retried escalation never notifies twice. */
  dedupeKey?: string;
}

/**
 * Notifies the user (once per `dedupeKey`).
 *
 * @example
 * await insertNotification(manager, { userId: 'u1', kind: 'sla_breach', title: 'SLA breached', body: '…', data: {}, dedupeKey: 'k' });
 */
export async function insertNotification(q: Queryable, n: NewNotification): Promise<void> {
  await q.query(
    `INSERT INTO notifications (user_id, kind, title, body, data, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
    [n.userId, n.kind, n.title, n.body, n.data, n.dedupeKey ?? null],
  );
}

/** The user's latest 100 notifications (only the unread ones with `unreadOnly`), newest first. */
export function listNotifications(q: Queryable, userId: string, unreadOnly: boolean): Promise<NotificationRow[]> {
  return q.query(
    `SELECT id::text, kind, title, body, data, created_at AS "createdAt", read_at AS "readAt" FROM notifications
      WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ORDER BY created_at DESC, id DESC LIMIT 100`,
    [userId, unreadOnly],
  );
}

/** Marks the user's notification read (the first read time is kept); another user's id changes nothing. */
export async function markNotificationRead(q: Queryable, userId: string, id: string): Promise<void> {
  await q.query(`UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2`, [
    id,
    userId,
  ]);
}

/**
 * Rewrites the notifications about the lead (their titles and bodies name it) without the lead's details.
 * @example await eraseNotificationsOfLead(manager, leadId);
 */
export async function eraseNotificationsOfLead(db: Queryable, leadId: string): Promise<void> {
  await db.query(
    `UPDATE notifications SET title = 'About an erased lead', body = 'This lead''s personal data was erased.'
      WHERE data ->> 'leadId' = $1`,
    [leadId],
  );
}

import type { Queryable } from './queryable';
import { USER_VIEW_SQL, type UserView } from './users.store';

/** A live session with its (active) user. */
export interface LiveSession {
  sessionId: string;
  expiresAt: Date;
  user: UserView;
}

/** Stores a session under the SHA-256 of its token (the token itself is never stored). */
export async function insertSession(
  db: Queryable,
  session: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [
    session.tokenHash,
    session.userId,
    session.expiresAt,
  ]);
}

/** Deletes the sessions that expired before `now` (one indexed delete). */
export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.query(`DELETE FROM sessions WHERE expires_at < $1`, [now]);
}

/** Deletes one session and, once the caller's transaction commits, sends its id on `channel` (pg_notify). */
export async function endSession(db: Queryable, sessionId: string, channel: string): Promise<void> {
  await db.query(
    `WITH ended AS (DELETE FROM sessions WHERE id = $1 RETURNING id) SELECT pg_notify($2, id::text) FROM ended`,
    [sessionId, channel],
  );
}

/** Deletes every session of the user but `keep`, sending each id on `channel` as {@link endSession} does. */
export async function endSessionsOfUser(
  db: Queryable,
  userId: string,
  keep: string | null,
  channel: string,
): Promise<void> {
  await db.query(
    `WITH ended AS (DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2 RETURNING id) SELECT pg_notify($3, id::text) FROM ended`,
    [userId, keep, channel],
  );
}

/** The session of this token hash when it has not expired at `now` and its user is active, else undefined. */
export async function findLiveSession(db: Queryable, tokenHash: string, now: Date): Promise<LiveSession | undefined> {
  const [row]: (UserView & { session_id: string; expires_at: Date })[] = await db.query(
    `SELECT s.id AS session_id, s.expires_at, x.* FROM sessions s JOIN (${USER_VIEW_SQL}) x ON x.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND x.active`,
    [tokenHash, now],
  );
  if (!row) return undefined;
  const { session_id, expires_at, ...user } = row;
  return { sessionId: session_id, expiresAt: expires_at, user };
}

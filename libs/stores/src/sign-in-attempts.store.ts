import type { Queryable } from './queryable';

/**
 * The SQL of `sign_in_attempts` (one owner): per key, the attempts of a fixed window that opens at the key's
 * first attempt. Times come from the caller, so windows can be tested without waiting.
 */

/**
 * Takes one attempt for `key` when fewer than `max` were taken in its current window (a fresh window when the
 * last one ended), in one atomic statement; else tells when the window ends.
 */
export async function reserveSignInAttempt(
  db: Queryable,
  key: string,
  max: number,
  windowMs: number,
  now: Date,
): Promise<{ reserved: true } | { reserved: false; windowEndsAt: Date }> {
  // The outer SELECT reads the snapshot before the upsert: when nothing was reserved it sees the blocking window.
  const [row]: { reserved: boolean; window_ends_at: Date }[] = await db.query(
    `WITH reserved AS (
       INSERT INTO sign_in_attempts AS a (key, attempts, window_ends_at) VALUES ($1, 1, $4)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN a.window_ends_at <= $3 THEN 1 ELSE a.attempts + 1 END,
         window_ends_at = CASE WHEN a.window_ends_at <= $3 THEN EXCLUDED.window_ends_at ELSE a.window_ends_at END
       WHERE a.window_ends_at <= $3 OR a.attempts < $2
       RETURNING key)
     SELECT EXISTS (SELECT 1 FROM reserved) AS reserved, (SELECT window_ends_at FROM sign_in_attempts WHERE key = $1) AS window_ends_at`,
    [key, max, now, new Date(now.getTime() + windowMs)],
  );
  return row!.reserved ? { reserved: true } : { reserved: false, windowEndsAt: row!.window_ends_at };
}

/** Gives back an attempt that turned out not to count (it succeeded, or failed for another reason than the password). */
export async function releaseSignInAttempt(db: Queryable, key: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE sign_in_attempts SET attempts = attempts - 1 WHERE key = $1 AND attempts > 0 AND window_ends_at > $2`,
    [key, now],
  );
}

/** Forgets every attempt of `key`. */
export async function clearSignInAttempts(db: Queryable, key: string): Promise<void> {
  await db.query(`DELETE FROM sign_in_attempts WHERE key = $1`, [key]);
}

/** Deletes ended windows, so a flood of random emails leaves no rows behind. */
export async function sweepSignInAttempts(db: Queryable, now: Date): Promise<void> {
  await db.query(`DELETE FROM sign_in_attempts WHERE window_ends_at <= $1`, [now]);
}

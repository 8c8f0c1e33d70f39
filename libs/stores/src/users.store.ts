import type { Queryable } from './queryable';

/** The roles a user can have (the `users.role` CHECK constraint). */
export const USER_ROLES = ['ops', 'rep', 'manager', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A user with their routing fields, under the API's names. `teamId` is a rep's team or a manager's (first) team. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  /** ISO instant. */
  createdAt: string;
  teamId: string | null;
  capacity: number | null;
}

/** What sign-in and password changes read: the stored hash and whether the user may sign in. */
export interface UserCredentials {
  id: string;
  passwordHash: string;
  active: boolean;
}

/** The columns of a user that callers set. */
export interface UserFields {
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
}

/**
 * Users with their routing fields as {@link UserView} columns; append a WHERE on `u`. Exported for the stores that
 * join it (sessions), so session resolution and the users endpoints see the same `teamId`.
 */
export const USER_VIEW_SQL = `
  SELECT u.id, u.email, u.name, u.role, u.active, to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
         COALESCE(r.team_id, (SELECT t.id FROM teams t WHERE t.manager_id = u.id ORDER BY t.name LIMIT 1)) AS "teamId",
         r.capacity
    FROM users u LEFT JOIN reps r ON r.user_id = u.id`;

const CREDENTIALS = `SELECT id, password_hash AS "passwordHash", active FROM users`;

/** One user, or undefined. */
export async function findUserView(db: Queryable, id: string): Promise<UserView | undefined> {
  const [user]: UserView[] = await db.query(`${USER_VIEW_SQL} WHERE u.id = $1`, [id]);
  return user;
}

/** Users by name, optionally only one role and/or one team. */
export function listUserViews(
  db: Queryable,
  filter: { role: UserRole | null; teamId: string | null },
): Promise<UserView[]> {
  return db.query(
    `SELECT * FROM (${USER_VIEW_SQL}) x WHERE ($1::text IS NULL OR role = $1) AND ($2::text IS NULL OR "teamId" = $2) ORDER BY name`,
    [filter.role, filter.teamId],
  );
}

/** The credentials of the user with this (lower-case) email, or undefined. */
export async function findCredentialsByEmail(db: Queryable, email: string): Promise<UserCredentials | undefined> {
  const [user]: UserCredentials[] = await db.query(`${CREDENTIALS} WHERE email = $1`, [email]);
  return user;
}

/** The credentials of one user, or undefined. */
export async function findCredentials(db: Queryable, id: string): Promise<UserCredentials | undefined> {
  const [user]: UserCredentials[] = await db.query(`${CREDENTIALS} WHERE id = $1`, [id]);
  return user;
}

export async function setPasswordHash(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [id, passwordHash]);
}

/** Inserts an active user; a taken email fails with Postgres' unique violation (23505). Returns the new id. */
export async function insertUser(
  db: Queryable,
  fields: Omit<UserFields, 'active'> & { passwordHash: string },
): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
    [fields.email, fields.name, fields.role, fields.passwordHash],
  );
  return id;
}

/** Changes the given fields (the others keep their values); the updated user, or undefined when there is none. */
export async function updateUser(
  db: Queryable,
  id: string,
  changes: Partial<Omit<UserFields, 'email'>> & { passwordHash?: string },
): Promise<UserFields | undefined> {
  const [user]: UserFields[] = await db.query(
    `WITH changed AS (
       UPDATE users SET name = COALESCE($2, name), role = COALESCE($3, role), active = COALESCE($4, active),
                        password_hash = COALESCE($5, password_hash), updated_at = now()
        WHERE id = $1 RETURNING email, name, role, active)
     SELECT * FROM changed`,
    [id, changes.name ?? null, changes.role ?? null, changes.active ?? null, changes.passwordHash ?? null],
  );
  return user;
}

// Serialises the check across API replicas booting at once, so exactly one first admin is created.
const FIRST_ADMIN_LOCK = 7_640_000_001;

/**
 * When no user exists at all, creates one admin with the hash `makePasswordHash` gives (it may throw to refuse),
 * in the caller's transaction and under an advisory lock; tells whether it created one.
 */
export async function createFirstAdminIfNoUser(
  db: Queryable,
  email: string,
  makePasswordHash: () => Promise<string>,
): Promise<boolean> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
  const [{ exists }]: { exists: boolean }[] = await db.query('SELECT EXISTS (SELECT 1 FROM users) AS exists');
  if (exists) return false;
  await db.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Admin', 'admin', $2)`, [
    email,
    await makePasswordHash(),
  ]);
  return true;
}

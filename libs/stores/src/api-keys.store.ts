import type { Queryable } from './queryable';

/** What an API key may be used for. */
export const API_KEY_SCOPES = ['ingest'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** A key for systems that post leads and events. Only the SHA-256 of the key is stored; `prefix` identifies it. */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, name, prefix, scopes, created_by AS "createdBy", created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

export async function insertApiKey(
  db: Queryable,
  key: { name: string; prefix: string; keyHash: string; scopes: ApiKeyScope[]; createdBy: string | null },
): Promise<ApiKeyRow> {
  const [row]: ApiKeyRow[] = await db.query(
    `INSERT INTO api_keys (name, prefix, key_hash, scopes, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [key.name, key.prefix, key.keyHash, key.scopes, key.createdBy],
  );
  return row!;
}

/** Every key, newest first. */
export function listApiKeys(db: Queryable): Promise<ApiKeyRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at DESC`);
}

/** Marks the key revoked at `now` unless it already was (its first revocation time stays); undefined when there is none. */
export async function revokeApiKey(db: Queryable, id: string, now: Date): Promise<ApiKeyRow | undefined> {
  const [row]: ApiKeyRow[] = await db.query(
    `WITH revoked AS (UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}) SELECT * FROM revoked`,
    [id, now],
  );
  return row;
}

/** The unrevoked key with this hash, or undefined. */
export async function findLiveApiKey(db: Queryable, keyHash: string): Promise<ApiKeyRow | undefined> {
  const [row]: ApiKeyRow[] = await db.query(
    `SELECT ${COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
    [keyHash],
  );
  return row;
}

export async function setApiKeyLastUsed(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query(`UPDATE api_keys SET last_used_at = $2 WHERE id = $1`, [id, at]);
}

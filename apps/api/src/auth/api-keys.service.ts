import type { ApiKeySummary, CreatedApiKey } from '@segflow/api-contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  findLiveApiKey,
  insertApiKey,
  listApiKeys,
  recordAuditEntry,
  revokeApiKey,
  setApiKeyLastUsed,
  type ApiKeyRow,
  type ApiKeyScope,
} from '@segflow/stores';
import type { AuditActor } from '@segflow/api-contracts';
import { DataSource } from 'typeorm';
import type { Principal } from './principal';
import { PrincipalCache } from './principal-cache';
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from './secret-token';

export type ApiKeyDto = ApiKeySummary;

const mapApiKey = (key: ApiKeyRow): ApiKeyDto => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  scopes: key.scopes,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

const LAST_USED_PRECISION_MS = 60_000;

/** Ingest keys: created and revoked by admins; the plain key is shown once, only its hash is stored. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: PrincipalCache,
  ) {}

  async create(name: string, scopes: ApiKeyScope[], actor: AuditActor): Promise<CreatedApiKey> {
    const key = generateSecretToken('sfk');
    const saved = await this.db.transaction(async (manager) => {
      const row = await insertApiKey(manager, {
        name,
        scopes,
        createdBy: actor.kind === 'user' ? actor.id : null,
        prefix: key.slice(0, 10),
        keyHash: hashSecretToken(key),
      });
      await recordAuditEntry(manager, {
        actor,
        action: 'apiKey.created',
        entityType: 'apiKey',
        entityId: row.id,
        after: { name, scopes, prefix: row.prefix },
      });
      return row;
    });
    return { ...mapApiKey(saved), key };
  }

  async list(): Promise<ApiKeyDto[]> {
    return (await listApiKeys(this.db)).map(mapApiKey);
  }

  async revokeOrThrow(id: string, actor: AuditActor, now = new Date()): Promise<ApiKeyDto> {
    const revoked = await this.db.transaction(async (manager) => {
      const row = await revokeApiKey(manager, id, now);
      if (!row) throw new NotFoundException(`no API key ${id}`);
      await recordAuditEntry(manager, {
        actor,
        action: 'apiKey.revoked',
        entityType: 'apiKey',
        entityId: id,
        after: { revokedAt: now.toISOString() },
      });
      return row;
    });
    this.cache.forgetApiKey(id);
    return mapApiKey(revoked);
  }

  /**
   * The key's principal when it exists and is not revoked; `last_used_at` is refreshed at most once a minute (on a
   * cache miss, which comes at least that often: the cache's TTL is capped below a minute).
   */
  async resolve(plainKey: string, now = new Date()): Promise<Principal | null> {
    if (!isWellFormedSecretToken('sfk', plainKey)) return null;
    const keyHash = hashSecretToken(plainKey);
    const cached = this.cache.get(keyHash, now.getTime());
    if (cached) return cached;
    if (this.cache.isRefused(keyHash, now.getTime())) return null;
    const key = await findLiveApiKey(this.db, keyHash);
    if (!key) {
      this.cache.refuse(keyHash, now.getTime());
      return null;
    }
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await setApiKeyLastUsed(this.db, key.id, now);
    }
    const principal: Principal = { kind: 'apiKey', keyId: key.id, scopes: key.scopes };
    this.cache.set(keyHash, principal, Infinity, now.getTime());
    return principal;
  }
}

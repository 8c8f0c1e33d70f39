import type { ApiKeySummary, CreatedApiKey } from '@segflow/api-contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  findLiveApiKey,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  setApiKeyLastUsed,
  type ApiKeyRow,
  type ApiKeyScope,
} from '@segflow/stores';
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

  async create(name: string, scopes: ApiKeyScope[], createdBy: string): Promise<CreatedApiKey> {
    const key = generateSecretToken('sfk');
    const saved = await insertApiKey(this.db, {
      name,
      scopes,
      createdBy,
      prefix: key.slice(0, 10),
      keyHash: hashSecretToken(key),
    });
    return { ...mapApiKey(saved), key };
  }

  async list(): Promise<ApiKeyDto[]> {
    return (await listApiKeys(this.db)).map(mapApiKey);
  }

  async revokeOrThrow(id: string, now = new Date()): Promise<ApiKeyDto> {
    const revoked = await revokeApiKey(this.db, id, now);
    if (!revoked) throw new NotFoundException(`no API key ${id}`);
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

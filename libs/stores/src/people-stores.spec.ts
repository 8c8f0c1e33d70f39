import type { Client } from 'pg';
import { connectWithLeads } from '../../../apps/api/src/testing/plan-scans';
import { findLiveApiKey, insertApiKey, revokeApiKey } from './api-keys.store';
import { rowsOf, type Queryable } from './queryable';
import { deleteSlaPolicy, insertSlaPolicy, updateSlaPolicy } from './sla-policies.store';
import { findCredentials, findUserView, insertUser, updateUser } from './users.store';

describe('users, api_keys and sla_policies stores (real Postgres)', () => {
  let client: Client;
  let db: Queryable;

  beforeAll(async () => {
    client = await connectWithLeads('users_store', 0);
    db = rowsOf(client);
  });
  afterAll(() => client?.end());

  it('updateUser changes only the given fields, and answers undefined for no such user', async () => {
    const id = await insertUser(db, { email: 'asha@x.in', name: 'Asha', role: 'rep', passwordHash: 'h1' });
    expect(await updateUser(db, id, { active: false })).toEqual({
      email: 'asha@x.in',
      name: 'Asha',
      role: 'rep',
      active: false,
    });
    expect(await updateUser(db, id, { name: 'Asha K', passwordHash: 'h2' })).toMatchObject({
      name: 'Asha K',
      active: false,
    });
    expect(await findCredentials(db, id)).toEqual({ id, passwordHash: 'h2', active: false });
    expect(await findUserView(db, id)).toMatchObject({ id, name: 'Asha K', role: 'rep', teamId: null, capacity: null });
    expect(await updateUser(db, '00000000-0000-0000-0000-000000000000', { name: 'x' })).toBeUndefined();
  });

  it('revokeApiKey keeps the first revocation time; a revoked key no longer resolves', async () => {
    const key = await insertApiKey(db, {
      name: 'CRM',
      prefix: 'sfk_abcdef',
      keyHash: 'kh',
      scopes: ['ingest'],
      createdBy: null,
    });
    expect(await findLiveApiKey(db, 'kh')).toMatchObject({ id: key.id, scopes: ['ingest'], revokedAt: null });
    const first = new Date('2026-03-01T10:00:00Z');
    expect((await revokeApiKey(db, key.id, first))?.revokedAt).toEqual(first);
    expect((await revokeApiKey(db, key.id, new Date('2026-03-02T10:00:00Z')))?.revokedAt).toEqual(first);
    expect(await findLiveApiKey(db, 'kh')).toBeUndefined();
    expect(await revokeApiKey(db, '00000000-0000-0000-0000-000000000000', first)).toBeUndefined();
  });

  it('updateSlaPolicy and deleteSlaPolicy tell when there is no such policy', async () => {
    const fields = {
      segment_id: '11111111-1111-1111-1111-111111111111',
      playbook_id: null,
      first_touch_minutes: 30,
      clock: 'wall' as const,
      calendar: null,
      reassign_on_breach: false,
    };
    const policy = await insertSlaPolicy(db, fields);
    expect(await updateSlaPolicy(db, policy.id, { ...fields, first_touch_minutes: 45 })).toEqual({
      ...fields,
      id: policy.id,
      first_touch_minutes: 45,
    });
    expect(await deleteSlaPolicy(db, policy.id)).toBe(true);
    expect(await deleteSlaPolicy(db, policy.id)).toBe(false);
    expect(await updateSlaPolicy(db, policy.id, fields)).toBeUndefined();
  });
});

import type { Principal } from './principal';
import { PrincipalCache } from './principal-cache';

const user = (id: string, sessionId: string): Principal => ({
  kind: 'user',
  sessionId,
  sessionExpiresAt: new Date(0),
  user: { id, email: `${id}@x.in`, name: id, role: 'rep', teamId: null },
});
const key = (keyId: string): Principal => ({ kind: 'apiKey', keyId, scopes: ['ingest'] });

describe('PrincipalCache', () => {
  it('returns a principal until its TTL ends, and never past the expiry given with it', () => {
    const cache = new PrincipalCache(5_000);
    cache.set('a', user('u1', 's1'), Infinity, 0);
    cache.set('b', user('u2', 's2'), 2_000, 0);
    expect(cache.get('a', 4_999)).toEqual(user('u1', 's1'));
    expect(cache.get('a', 5_000)).toBeUndefined();
    expect(cache.get('b', 1_999)).toBeDefined();
    expect(cache.get('b', 2_000)).toBeUndefined();
  });

  it('forgets by session, by user and by API key', () => {
    const cache = new PrincipalCache(60_000);
    cache.set('s1', user('u1', 's1'));
    cache.set('s2', user('u1', 's2'));
    cache.set('s3', user('u2', 's3'));
    cache.set('k1', key('k1'));
    cache.forgetSession('s3');
    expect(cache.get('s3')).toBeUndefined();
    cache.forgetUser('u1');
    expect([cache.get('s1'), cache.get('s2')]).toEqual([undefined, undefined]);
    expect(cache.get('k1')).toBeDefined();
    cache.forgetApiKey('k1');
    expect(cache.get('k1')).toBeUndefined();
  });

  it('keeps nothing with a TTL of 0, and stays bounded', () => {
    const off = new PrincipalCache(0);
    off.set('a', key('k'));
    expect(off.get('a')).toBeUndefined();
    const small = new PrincipalCache(60_000, 2);
    small.set('a', key('a'));
    small.set('b', key('b'));
    small.set('c', key('c'));
    expect([small.get('a'), small.get('b'), small.get('c')]).toEqual([undefined, undefined, key('c')]);
  });
});

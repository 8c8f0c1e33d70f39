import { startTestApi, TestApi } from '../testing/test-api';
import { PublicLinkRateLimit } from './public-link-rate-limit';

describe('PublicLinkRateLimit', () => {
  it('allows maxPerMinute requests per IP in a window, then says when the window ends', () => {
    let now = 1_000_000;
    const limit = new PublicLinkRateLimit(3, () => now);
    expect([limit.take('10.0.0.1'), limit.take('10.0.0.1'), limit.take('10.0.0.1')]).toEqual([null, null, null]);
    now += 20_000;
    expect(limit.take('10.0.0.1')).toBe(40);
    expect(limit.take('10.0.0.2')).toBeNull(); // another client has its own count
    now += 40_000;
    expect(limit.take('10.0.0.1')).toBeNull(); // a new window
  });
});

describe('public link routes over the limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_LINK_MAX_PER_MINUTE: '10', OUTBOX_DISPATCHER: 'off' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers 429 with Retry-After once a client made the allowed requests, on every link route', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await api.app.inject({ method: 'GET', url: '/t/o/x' })).statusCode);
    expect(statuses).toEqual(Array(10).fill(200));
    for (const url of ['/t/o/x', '/t/c/x', '/u/x']) {
      const refused = await api.app.inject({ method: 'GET', url });
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json().message).toMatch(/too many requests/);
    }
    // The API's own routes are not counted.
    expect((await api.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

import { startTestApi, TestApi } from '../testing/test-api';
import { SESSION_COOKIE } from './request-credentials';

// Junk a client (or an attacker) may put where a credential goes: bad percent-encoding, control characters, huge
// values, right and wrong prefixes, encoded NUL and non-ASCII bytes.
const JUNK = [
  '%',
  '%E0%A4%A',
  '%zz',
  '%00',
  '%C0%80',
  'sfs_%',
  'sfs_',
  'sfk_' + 'A'.repeat(43) + '%',
  'garbage',
  '""',
  "'; DROP TABLE sessions; --",
  'x'.repeat(8_000),
  `sfs_${'A'.repeat(10_000)}`,
  '\u00ff\u00fe',
  'sfs_AAAA\\u0000',
  '=',
  'a=b=c',
];

describe('malformed credentials (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  const statusWith = async (url: string, headers: Record<string, string>) =>
    (await api.app.inject({ method: 'GET', url, headers })).statusCode;
  const placements = (junk: string): [string, Record<string, string>][] => [
    ['cookie', { cookie: `${SESSION_COOKIE}=${junk}` }],
    ['cookie among others', { cookie: `theme=dark; ${SESSION_COOKIE}=${junk}; other=%` }],
    ['bearer', { authorization: `Bearer ${junk}` }],
    ['bearer sfk_', { authorization: `Bearer sfk_${junk}` }],
    ['x-api-key', { 'x-api-key': junk }],
  ];

  it('answers 401, never a 500, on a protected endpoint for junk in the cookie, the bearer token or the API key header', async () => {
    const failures: string[] = [];
    for (const junk of JUNK) {
      for (const [where, headers] of placements(junk)) {
        const status = await statusWith('/api/leads', headers);
        if (status !== 401) failures.push(`${where} ${JSON.stringify(junk.slice(0, 40))}: ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps public endpoints answering with junk credentials', async () => {
    for (const junk of JUNK)
      for (const [, headers] of placements(junk)) expect(await statusWith('/api/health', headers)).toBe(200);
  });

  it('still takes a well-formed session cookie and bearer token', async () => {
    expect(
      await statusWith('/api/leads', { cookie: `theme=%; ${SESSION_COOKIE}=${encodeURIComponent(api.admin.token)}` }),
    ).toBe(200);
    expect(await statusWith('/api/leads', { authorization: `Bearer ${api.admin.token}` })).toBe(200);
  });
});

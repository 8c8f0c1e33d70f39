import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { until } from '../../../../e2e/support/eventually';
import { startTestApi, TestApi } from '../testing/test-api';

const DAY = 86_400_000;
const at = (day: number) => new Date(Date.UTC(2025, 0, day, 10)).toISOString();
const open = (eventId: string, lead: string, extra: object = {}) => ({
  eventId,
  leadExternalId: lead,
  type: 'email_open',
  occurredAt: at(1),
  ...extra,
});

describe('poison items in ingest (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    const leads = ['p-1', 'p-2', 'p-block'].map((externalId) => ({ externalId, industry: 'SaaS', headcount: 40 }));
    expect((await api.request('POST', '/api/leads', { leads })).status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
  });

  const post = (events: unknown[]) => api.request('POST', '/api/events', { events });
  const stored = async (prefix: string): Promise<string[]> =>
    (await db.query(`SELECT event_id FROM events WHERE event_id LIKE $1 ORDER BY event_id`, [`${prefix}%`])).map(
      (r: { event_id: string }) => r.event_id,
    );
  const statuses = (body: any) => body.results.map((r: any) => [r.index, r.status]);

  /**
   * Runs `send` while every flush slot is held by a request stalled on a locked lead row, so the requests `send`
   * makes wait together and go out in one flush once the lock is released.
   */
  async function inOneFlush<T>(waiting: number, send: () => Promise<T>[]): Promise<T[]> {
    const blocker = new Client({ connectionString: api.config.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM leads WHERE external_id = 'p-block' FOR UPDATE`);
      const stalled = [0, 1, 2, 3].map((i) => post([open(`stall-${Date.now()}-${i}`, 'p-block')]));
      const sent = send();
      await until(
        async () => (await api.request('GET', '/api/health')).body.ingest.waitingEvents,
        (n) => n >= waiting,
      );
      await blocker.query('COMMIT');
      expect((await Promise.all(stalled)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
      return await Promise.all(sent);
    } finally {
      await blocker.end();
    }
  }

  it('refuses every item PostgreSQL would refuse with its index, field and reason, and stores the good ones', async () => {
    const response = await post([
      open('poison-a-0', 'p-1'),
      open('poison-a-1', 'p-1', { properties: { note: 'nul \u0000 here' } }),
      open('poison-a-2', 'p-1', { properties: { tags: ['ok', 'lone \uD800'] } }),
      open('poison-a-3', 'p-1', { properties: { 'key\u0000': 1 } }),
      { ...open('poison-a-4', 'p-1'), type: 'page_view', url: 'https://acme.in/\u0000' },
      open('poison-a-5', 'p-1', { occurredAt: '0000-01-01T00:00:00Z' }),
      open('poison-a-6', 'p-1', { occurredAt: new Date(Date.now() + 2 * DAY).toISOString() }),
      open('poison-a-7', 'p-1', { properties: { blob: 'x'.repeat(9_000) } }),
      open('poison-a-8\u0000', 'p-1'),
      open('poison-a-9', 'p-1', { properties: { emoji: '😀', nested: { deep: ['fine'] } } }),
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accepted: 2, rejected: 8, duplicate: 0 });
    const fields = response.body.results
      .filter((r: any) => r.status === 'rejected')
      .map((r: any) => [r.index, r.issues.map((i: any) => i.field)]);
    expect(fields).toEqual([
      [1, ['properties.note']],
      [2, ['properties.tags.1']],
      [3, ['properties.key\u0000']],
      [4, ['url']],
      [5, ['occurredAt']],
      [6, ['occurredAt']],
      [7, ['properties']],
      [8, ['eventId']],
    ]);
    for (const result of response.body.results.filter((r: any) => r.status === 'rejected'))
      expect(result.issues[0].reason).toMatch(/\w+/);
    expect(response.body.results[1].issues[0].reason).toMatch(/NUL/);
    expect(response.body.results[2].issues[0].reason).toMatch(/surrogate/);
    expect(await stored('poison-a-')).toEqual(['poison-a-0', 'poison-a-9']);
  });

  it('stores the good events of two concurrent requests that share a flush with a poison item', async () => {
    const [a, b] = await inOneFlush(2, () => [
      post([
        open('poison-b-0', 'p-1', { properties: { s: '\uDC00' } }),
        open('poison-b-1', 'p-1', { properties: { n: 'a\u0000' } }),
        open('poison-b-2', 'p-1'),
      ]),
      post([open('poison-c-0', 'p-2')]),
    ]);
    expect([a!.status, b!.status]).toEqual([200, 200]);
    expect(statuses(a!.body)).toEqual([
      [0, 'rejected'],
      [1, 'rejected'],
      [2, 'accepted'],
    ]);
    expect(statuses(b!.body)).toEqual([[0, 'accepted']]);
    expect([...(await stored('poison-b-')), ...(await stored('poison-c-'))]).toEqual(['poison-b-2', 'poison-c-0']);
  });

  describe('when the database still refuses an item that passed validation', () => {
    // Stands in for an unforeseen refusal: a constraint no validation knows about.
    beforeAll(() =>
      db.query(`ALTER TABLE events ADD CONSTRAINT test_refuse CHECK (data->'properties'->>'refuse' IS NULL)`),
    );
    afterAll(() => db.query(`ALTER TABLE events DROP CONSTRAINT test_refuse`));

    it('splits the shared flush and retries, so only the guilty item fails and the co-flushed requests are stored', async () => {
      const [a, b] = await inOneFlush(4, () => [
        post([
          open('split-a-0', 'p-1'),
          open('split-a-1', 'p-1', { properties: { refuse: 'yes' } }),
          open('split-a-2', 'p-1'),
        ]),
        post([open('split-b-0', 'p-2')]),
      ]);
      expect([a!.status, b!.status]).toEqual([200, 200]);
      expect(statuses(a!.body)).toEqual([
        [0, 'accepted'],
        [1, 'rejected'],
        [2, 'accepted'],
      ]);
      expect(a!.body.results[1]).toMatchObject({
        eventId: 'split-a-1',
        issues: [{ field: '(root)', reason: expect.stringContaining('test_refuse') }],
      });
      expect(statuses(b!.body)).toEqual([[0, 'accepted']]);
      expect(await stored('split-')).toEqual(['split-a-0', 'split-a-2', 'split-b-0']);
    });

    it('isolates the guilty item of a large, COPYed flush too', async () => {
      const events = Array.from({ length: 300 }, (_, i) =>
        open(
          `split-copy-${String(i).padStart(3, '0')}`,
          i % 2 ? 'p-1' : 'p-2',
          i === 137 ? { properties: { refuse: 1 } } : {},
        ),
      );
      const response = await post(events);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ accepted: 299, rejected: 1 });
      expect(response.body.results[137].status).toBe('rejected');
      expect(await stored('split-copy-')).toHaveLength(299);
    });
  });

  describe('POST /api/leads', () => {
    it('refuses poison leads of a batch with index and field, and stores the good ones', async () => {
      const response = await api.request('POST', '/api/leads', {
        leads: [
          { externalId: 'pl-0' },
          { externalId: 'pl-1', name: 'An\u0000ita' },
          { externalId: 'pl-2', company: 'Shakti \uD83D' },
          { externalId: 'pl-3\u0000' },
          { externalId: 'pl-4', city: 'Pune' },
        ],
      });
      expect(response.status).toBe(200);
      expect(response.body.results.map((r: any) => [r.index, r.status, r.issues?.[0]?.field])).toEqual([
        [0, 'created', undefined],
        [1, 'rejected', 'name'],
        [2, 'rejected', 'company'],
        [3, 'rejected', 'externalId'],
        [4, 'created', undefined],
      ]);
      const rows = await db.query(`SELECT external_id FROM leads WHERE external_id LIKE 'pl-%' ORDER BY 1`);
      expect(rows.map((r: { external_id: string }) => r.external_id)).toEqual(['pl-0', 'pl-4']);
    });

    it('answers a single poison lead with 400 naming the field', async () => {
      const response = await api.request('POST', '/api/leads', { externalId: 'pl-single', name: 'x\u0000' });
      expect(response.status).toBe(400);
      expect(response.body.issues).toEqual([expect.objectContaining({ field: 'name' })]);
    });

    it('splits a lead batch the database refuses, so only the guilty lead fails', async () => {
      await db.query(`ALTER TABLE leads ADD CONSTRAINT test_refuse CHECK (name IS DISTINCT FROM 'refuse me')`);
      try {
        const response = await api.request('POST', '/api/leads', {
          leads: [{ externalId: 'ps-0' }, { externalId: 'ps-1', name: 'refuse me' }, { externalId: 'ps-2' }],
        });
        expect(response.status).toBe(200);
        expect(response.body.results.map((r: any) => [r.index, r.status])).toEqual([
          [0, 'created'],
          [1, 'rejected'],
          [2, 'created'],
        ]);
        expect(response.body.results[1].issues).toEqual([
          { field: '(root)', reason: expect.stringContaining('test_refuse') },
        ]);
      } finally {
        await db.query(`ALTER TABLE leads DROP CONSTRAINT test_refuse`);
      }
    });
  });
});

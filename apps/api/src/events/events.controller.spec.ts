import { computeFeatureState, EventInput, FeatureState } from '@segflow/scoring';
import { Client } from 'pg';
import { lockLeadsForIngest } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi } from '../testing/test-api';
import { until } from '../../../../e2e/support/eventually';

const at = (day: number, hour = 10) => new Date(Date.UTC(2025, 0, day, hour)).toISOString();
const view = (eventId: string, lead: string, day: number, url = 'https://acme.in/pricing'): EventInput => ({
  eventId,
  leadExternalId: lead,
  type: 'page_view',
  occurredAt: at(day),
  url,
});

describe('POST /api/events (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  let fixtures: SlaFixtures;
  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    fixtures = await SlaFixtures.connect(api.config.DATABASE_URL);
    await api.request('POST', '/api/leads', {
      leads: ['l-1', 'l-2', 'l-3', 'l-4'].map((externalId) => ({ externalId, industry: 'SaaS', headcount: 40 })),
    });
  });
  afterAll(async () => {
    await fixtures.close();
    await api.close();
  });

  const post = (events: unknown[]) => api.request('POST', '/api/events', { events });
  const storedState = async (externalId: string): Promise<FeatureState> =>
    (
      await db.query(`SELECT f.state FROM lead_features f JOIN leads l ON l.id = f.lead_id WHERE l.external_id = $1`, [
        externalId,
      ])
    )[0]?.state;

  it('stores the good items and names index, field and reason of the bad ones', async () => {
    const response = await post([
      view('e-1', 'l-1', 1),
      { eventId: 'e-2', leadExternalId: 'l-1', type: 'purchase', occurredAt: at(2), amount: 100 },
      { eventId: 'e-3', leadExternalId: 'l-1', type: 'teleport', occurredAt: at(2) },
      { eventId: 'e-4', leadExternalId: 'l-1', type: 'email_open', occurredAt: 'yesterday' },
      { eventId: 'e-5', leadExternalId: 'l-1', type: 'email_open', occurredAt: at(3) },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: any) => [r.index, r.status])).toEqual([
      [0, 'accepted'],
      [1, 'rejected'],
      [2, 'rejected'],
      [3, 'rejected'],
      [4, 'accepted'],
    ]);
    expect(response.body.results[1].issues).toEqual([expect.objectContaining({ field: 'currency' })]);
    expect(response.body.results[2].issues).toEqual([expect.objectContaining({ field: 'type' })]);
    expect(response.body.results[3].issues).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
    expect(response.body).toMatchObject({ accepted: 2, rejected: 3, duplicate: 0 });
    const [{ count }] = await db.query(`SELECT count(*)::int FROM events WHERE event_id LIKE 'e-%'`);
    expect(count).toBe(2);
  });

  it('acknowledges a repeated eventId as duplicate and stores and counts it once', async () => {
    const first = await post([view('d-1', 'l-2', 1), view('d-1', 'l-2', 1)]);
    expect(first.body.results.map((r: any) => r.status)).toEqual(['accepted', 'duplicate']);
    const again = await post([view('d-1', 'l-2', 1), view('d-2', 'l-2', 2)]);
    expect(again.body.results.map((r: any) => r.status)).toEqual(['duplicate', 'accepted']);
    expect((await storedState('l-2')).eventCount).toBe(2);
    const [{ count }] = await db.query(`SELECT count(*)::int FROM events WHERE event_id = 'd-1'`);
    expect(count).toBe(1);
  });

  it('rejects an event for an unknown lead by default, naming leadExternalId', async () => {
    const response = await post([view('u-1', 'nobody', 1), view('u-2', 'l-1', 1)]);
    expect(response.body.results[0]).toMatchObject({
      status: 'rejected',
      issues: [expect.objectContaining({ field: 'leadExternalId' })],
    });
    expect(response.body.results[1].status).toBe('accepted');
  });

  it('keeps incremental features equal to a recompute over the same history, whatever the arrival order', async () => {
    const history: EventInput[] = [
      view('h-1', 'l-3', 1),
      { eventId: 'h-2', leadExternalId: 'l-3', type: 'email_reply', occurredAt: at(9) },
      { eventId: 'h-3', leadExternalId: 'l-3', type: 'purchase', occurredAt: at(4), amount: 50_000, currency: 'INR' },
      view('h-4', 'l-3', 12, '/blog'),
      { eventId: 'h-5', leadExternalId: 'l-3', type: 'email_bounce', occurredAt: at(2) },
      { eventId: 'h-6', leadExternalId: 'l-3', type: 'demo_booked', occurredAt: at(11) },
    ];
    // Out of order, in three batches, with a late event arriving after newer ones.
    for (const batch of [
      [history[1], history[3]],
      [history[0], history[5]],
      [history[4], history[2]],
    ])
      await post(batch);
    const stored = await storedState('l-3');
    const recomputed = computeFeatureState(history, new Date());
    expect(stored.eventCount).toBe(6);
    expect(stored.lastDecayAt).toBe(recomputed.lastDecayAt);
    expect(stored.lastEngagedAt).toBe(recomputed.lastEngagedAt);
    for (const [name, value] of Object.entries(recomputed.acc))
      expect(stored.acc[name as keyof typeof recomputed.acc]).toBeCloseTo(value, 9);
  });

  const leadIdOf = async (externalId: string): Promise<string> =>
    (await db.query(`SELECT id FROM leads WHERE external_id = $1`, [externalId]))[0].id;
  // SlaFixtures' segments hang off a bare 'active' model without centroids; real-time assignment must not use it.
  const segment = async (name: string): Promise<string> => {
    const id = await fixtures.segment(name);
    await db.query(`UPDATE segment_models SET status = 'retired' WHERE status = 'active'`);
    return id;
  };
  const leadEventIds = async (prefix: string): Promise<string[]> =>
    (
      await db.query(
        `SELECT payload->>'eventId' AS id FROM outbox WHERE kind = 'lead_event' AND payload->>'eventId' LIKE $1 ORDER BY id`,
        [`${prefix}%`],
      )
    ).map((r: any) => r.id);

  it("writes one lead_event outbox row per accepted event of a type the lead's run hears, none for a duplicate", async () => {
    const leadId = await leadIdOf('l-4');
    const segmentId = await segment('Listening');
    const membershipId = await fixtures.enter(leadId, segmentId, new Date());
    const playbook = await fixtures.playbook('Listening');
    // What eventTypesHeardBy records for a version that waits for a WhatsApp reply or an email click.
    await db.query(
      `UPDATE playbook_versions SET heard_event_types = '{email_click,unsubscribe,whatsapp_reply}' WHERE id = $1`,
      [playbook.versionId],
    );
    await fixtures.run({ leadId, membershipId, segmentId, playbook, startedAt: new Date() });
    await post([
      { eventId: 'o-1', leadExternalId: 'l-4', type: 'whatsapp_reply', occurredAt: at(5), replyTo: { touchId: 't-9' } },
      { eventId: 'o-2', leadExternalId: 'l-4', type: 'email_open', occurredAt: at(5) },
      { eventId: 'o-3', leadExternalId: 'l-4', type: 'unsubscribe', occurredAt: at(6), channel: 'email' },
      { eventId: 'o-4', leadExternalId: 'l-4', type: 'whatsapp_read', occurredAt: at(6) },
      { eventId: 'o-5', leadExternalId: 'l-4', type: 'email_click', occurredAt: at(7) },
    ]);
    await post([{ eventId: 'o-1', leadExternalId: 'l-4', type: 'whatsapp_reply', occurredAt: at(5) }]);
    const rows = await db.query(
      `SELECT payload FROM outbox WHERE kind = 'lead_event' AND payload->>'eventId' LIKE 'o-%' ORDER BY id`,
    );
    expect(rows.map((r: any) => [r.payload.eventId, r.payload.channel])).toEqual([
      ['o-1', 'whatsapp'],
      ['o-3', 'email'],
      ['o-5', 'email'],
    ]);
    expect(rows[0].payload.replyTo).toEqual({ touchId: 't-9' });
  });

  it('writes no lead_event row for a lead no run can hear, until its segment gets a bound playbook', async () => {
    await post([{ eventId: 'q-1', leadExternalId: 'l-3', type: 'email_reply', occurredAt: at(7) }]);
    expect(await leadEventIds('q-')).toEqual([]);
    // Bound segment, run not started yet (the dispatcher has not delivered the entry): the event must still reach it.
    const leadId = await leadIdOf('l-3');
    const segmentId = await segment('Bound');
    await fixtures.enter(leadId, segmentId, new Date());
    const { playbookId } = await fixtures.playbook('Bound');
    await db.query(`INSERT INTO segment_bindings (playbook_id, segment_id) VALUES ($1, $2)`, [playbookId, segmentId]);
    await post([{ eventId: 'q-2', leadExternalId: 'l-3', type: 'email_reply', occurredAt: at(8) }]);
    expect(await leadEventIds('q-')).toEqual(['q-2']);
  });

  it('stores a batch that repeats a stored eventId among new ones: the repeat is a duplicate, the rest accepted', async () => {
    await post([view('m-2', 'l-1', 4)]);
    const response = await post([view('m-1', 'l-1', 4), view('m-2', 'l-1', 4), view('m-3', 'l-1', 4)]);
    expect(response.body.results.map((r: any) => r.status)).toEqual(['accepted', 'duplicate', 'accepted']);
    expect(
      (await db.query(`SELECT event_id FROM events WHERE event_id LIKE 'm-%' ORDER BY 1`)).map((r: any) => r.event_id),
    ).toEqual(['m-1', 'm-2', 'm-3']);
  });

  it('stores a large batch by COPY, and one repeating a stored eventId by falling back to the insert that skips it', async () => {
    const batch = (from: number) => Array.from({ length: 250 }, (_, i) => view(`c-${from + i}`, 'l-1', 5));
    const first = await post(batch(0));
    expect(first.body).toMatchObject({ accepted: 250, duplicate: 0 });
    const overlapping = await post(batch(249));
    expect(overlapping.body).toMatchObject({ accepted: 249, duplicate: 1 });
    expect(overlapping.body.results[0]).toMatchObject({ status: 'duplicate', eventId: 'c-249' });
    const [{ count }] = await db.query(`SELECT count(*)::int FROM events WHERE event_id LIKE 'c-%'`);
    expect(count).toBe(499);
  });

  it("deletes a deleted lead's events, and no lead can be deleted while a flush is storing its events", async () => {
    await api.request('POST', '/api/leads', { leads: [{ externalId: 'l-gone' }] });
    await post([view('g-1', 'l-gone', 1), view('g-2', 'l-gone', 2)]);
    const leadId = await leadIdOf('l-gone');
    await db.transaction(async (flush) => {
      await lockLeadsForIngest(flush, ['l-gone']);
      await expect(
        db.transaction(async (other) => {
          await other.query(`SET LOCAL lock_timeout = '200ms'`);
          await other.query(`DELETE FROM leads WHERE id = $1`, [leadId]);
        }),
      ).rejects.toThrow(/lock timeout/);
    });
    await db.query(`DELETE FROM leads WHERE id = $1`, [leadId]);
    expect(await db.query(`SELECT event_id FROM events WHERE lead_id = $1`, [leadId])).toEqual([]);
  });

  it('refuses an empty or oversized batch as a whole', async () => {
    expect((await post([])).status).toBe(400);
    const big = Array.from({ length: 5001 }, (_, i) => view(`big-${i}`, 'l-1', 1));
    expect((await post(big)).status).toBe(400);
  });
});

describe('POST /api/events with EVENTS_UNKNOWN_LEAD=stub', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ EVENTS_UNKNOWN_LEAD: 'stub' });
  });
  afterAll(() => api.close());

  it('creates a stub lead for an unknown externalId and stores the event', async () => {
    const response = await api.request('POST', '/api/events', { events: [view('s-1', 'new-lead', 1)] });
    expect(response.body.results[0]).toMatchObject({ status: 'accepted', leadId: expect.any(String) });
    const [lead] = (await api.request('GET', '/api/leads?search=new-lead')).body;
    expect(lead).toMatchObject({ externalId: 'new-lead', id: response.body.results[0].leadId });
  });
});

describe('POST /api/events under concurrency', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.request('POST', '/api/leads', { leads: [{ externalId: 'c-1' }, { externalId: 'c-2' }] });
  });
  afterAll(() => api.close());

  it('stores an eventId sent by concurrent requests once, acknowledging the others as duplicates', async () => {
    const event = (lead: string) => view('same-id', lead, 1);
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.request('POST', '/api/events', { events: [event(i % 2 ? 'c-1' : 'c-2'), view(`own-${i}`, 'c-1', 2)] }),
      ),
    );
    const statuses = responses.map((r) => r.body.results[0].status);
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(5);
    expect(responses.every((r) => r.body.results[1].status === 'accepted')).toBe(true);
    const db = api.app.get(DataSource);
    const [{ count }] = await db.query(`SELECT sum(event_count)::int AS count FROM lead_features`);
    expect(count).toBe(7);
  });

  it('refuses a batch with 429 + Retry-After while INGEST_MAX_QUEUED_EVENTS wait, storing none of it, and takes it once the writer caught up', async () => {
    const bounded = await startTestApi({ INGEST_MAX_QUEUED_EVENTS: '5000' });
    const blocker = new Client({ connectionString: bounded.config.DATABASE_URL });
    await blocker.connect();
    const events = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => view(`${prefix}-${i}`, 'bp-1', 1));
    const backlog = async () => (await bounded.request('GET', '/api/health')).body.ingest;
    try {
      await bounded.request('POST', '/api/leads', { externalId: 'bp-1', industry: 'SaaS', headcount: 40 });
      // A lead row locked elsewhere stalls every flush for it at its FOR KEY SHARE read: the writer falls behind.
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM leads WHERE external_id = 'bp-1' FOR UPDATE`);
      const running = [0, 1, 2, 3].map((i) => bounded.request('POST', '/api/events', { events: events(`run${i}`, 1) }));
      const waitingFull = bounded.request('POST', '/api/events', { events: events('full', 5000) });
      await until(backlog, (b) => b.waitingEvents === 5000);

      const refused = await bounded.request('POST', '/api/events', { events: events('over', 1) });
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.body.message).toContain(
        "5000 events are waiting to be written and this batch's 1 would pass INGEST_MAX_QUEUED_EVENTS (5000); nothing of it was stored",
      );

      await blocker.query('COMMIT');
      expect((await Promise.all([...running, waitingFull])).map((r) => [r.status, r.body.accepted])).toEqual([
        [200, 1],
        [200, 1],
        [200, 1],
        [200, 1],
        [200, 5000],
      ]);
      expect(await backlog()).toEqual({ waitingEvents: 0, limit: 5000 });
      const stored = async (prefix: string) =>
        (
          await bounded.app
            .get(DataSource)
            .query(`SELECT count(*)::int AS n FROM events WHERE event_id LIKE $1`, [`${prefix}-%`])
        )[0].n;
      expect(await stored('over')).toBe(0);
      expect((await bounded.request('POST', '/api/events', { events: events('over', 1) })).body.accepted).toBe(1);
      expect(await stored('full')).toBe(5000);
    } finally {
      await blocker.end();
      await bounded.close();
    }
  });
});

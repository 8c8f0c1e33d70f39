import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { eventually } from '../../../../e2e/support/eventually';
import { OutboxHandlersService } from '../outbox/outbox-handlers.service';
import { startTestApi, TestApi } from '../testing/test-api';
import { sampleOf } from '../../../../tools/testing/prometheus-text';

describe('GET /metrics (real Postgres)', () => {
  let api: TestApi;
  const scrape = async (authorization?: string) => {
    const response = await api.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: authorization ? { authorization } : {},
    });
    return { status: response.statusCode, text: response.body, contentType: response.headers['content-type'] };
  };

  afterEach(() => api?.close());

  it('counts ingested events, their flush and decision, and HTTP responses by route pattern after real traffic', async () => {
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
    await api.request('POST', '/api/leads', { leads: [{ externalId: 'm-1', industry: 'SaaS', headcount: 40 }] });
    const before = (await scrape()).text;
    const at = new Date(Date.UTC(2025, 0, 2, 10)).toISOString();
    const response = await api.request('POST', '/api/events', {
      events: [
        { eventId: 'm-e1', leadExternalId: 'm-1', type: 'page_view', occurredAt: at, url: 'https://acme.in/pricing' },
        { eventId: 'm-e2', leadExternalId: 'm-1', type: 'email_open', occurredAt: at },
        { eventId: 'm-e1', leadExternalId: 'm-1', type: 'page_view', occurredAt: at, url: 'https://acme.in/pricing' },
        { eventId: 'm-e3', leadExternalId: 'm-1', type: 'teleport', occurredAt: at },
      ],
    });
    expect(response.body).toMatchObject({ accepted: 2, duplicate: 1, rejected: 1 });
    const [{ id: leadId }] = await api.app.get(DataSource).query(`SELECT id FROM leads WHERE external_id = 'm-1'`);
    expect((await api.request('GET', `/api/leads/${leadId}`)).status).toBe(200);
    expect((await api.request('GET', `/api/no-such-route/${leadId}`)).status).toBe(404);

    const after = await scrape();
    expect(after.status).toBe(200);
    expect(after.contentType).toContain('text/plain');
    const moved = (series: string) => sampleOf(after.text, series) - sampleOf(before, series);
    expect(moved('segflow_ingest_events_total{result="accepted"}')).toBe(2);
    expect(moved('segflow_ingest_events_total{result="duplicate"}')).toBe(1);
    expect(moved('segflow_ingest_events_total{result="rejected"}')).toBe(1);
    expect(moved('segflow_ingest_flush_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(moved('segflow_ingest_decision_seconds_count')).toBe(1);
    expect(moved('segflow_http_requests_total{method="POST",route="/api/events",status="200"}')).toBe(1);
    // The route's pattern, never the raw URL with the lead's id in it.
    expect(after.text).toMatch(
      /segflow_http_requests_total\{method="GET",route="\/api\/leads\/:[a-zA-Z]+",status="\d{3}"\} \d+/,
    );
    expect(moved('segflow_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(after.text).not.toContain(leadId);
    expect(moved('segflow_http_request_duration_seconds_count{method="POST",route="/api/events"}')).toBe(1);
    expect(after.text).toContain('process_cpu_seconds_total');
  });

  it('reads the outbox backlog, dead letters, SLA clocks and dispatcher lanes at scrape time', async () => {
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
    const db = api.app.get(DataSource);
    await api.request('POST', '/api/leads', { leads: [{ externalId: 'g-1' }] });
    const [{ id: leadId }] = await db.query(`SELECT id FROM leads WHERE external_id = 'g-1'`);
    await db.query(
      `INSERT INTO outbox (kind, payload, created_at) VALUES ('lead_event', jsonb_build_object('leadId', $1::text), now() - interval '90 seconds')`,
      [leadId],
    );
    await db.query(
      `INSERT INTO outbox (kind, payload, dead_lettered_at) VALUES ('lead_event', jsonb_build_object('leadId', $1::text), now())`,
      [leadId],
    );
    await db.query(
      `INSERT INTO sla_clocks (membership_id, lead_id, segment_id, entered_at, due_at, breached_at)
                    VALUES (gen_random_uuid(), $1, gen_random_uuid(), now(), now(), NULL), (gen_random_uuid(), $1, gen_random_uuid(), now(), now(), now()),
                           (gen_random_uuid(), $1, gen_random_uuid(), now(), now(), now())`,
      [leadId],
    );

    const { text } = await scrape();
    expect(sampleOf(text, 'segflow_metrics_database_up')).toBe(1);
    expect(sampleOf(text, 'segflow_outbox_backlog')).toBe(1);
    expect(sampleOf(text, 'segflow_outbox_oldest_undelivered_age_seconds')).toBeGreaterThanOrEqual(90);
    expect(sampleOf(text, 'segflow_outbox_dead_letters')).toBe(1);
    expect(sampleOf(text, 'segflow_sla_clocks{state="open"}')).toBe(1);
    expect(sampleOf(text, 'segflow_sla_clocks{state="breached"}')).toBe(2);
    expect(sampleOf(text, 'segflow_outbox_lanes_busy')).toBe(0);
    expect(sampleOf(text, 'segflow_outbox_lanes_limit')).toBe(8);
  });

  it('counts a dispatcher lane busy while it delivers a lead, and free again once delivered', async () => {
    api = await startTestApi({ OUTBOX_POLL_MS: '60000' });
    // The delivery is held inside the handler until the test lets it go, so the scrape sees it under way.
    let release = () => {};
    let delivering = () => {};
    const started = new Promise<void>((resolve) => (delivering = resolve));
    const enter = jest.spyOn(api.app.get(OutboxHandlersService), 'enterSegment').mockImplementation(() => {
      delivering();
      return new Promise<void>((resolve) => (release = resolve));
    });
    try {
      const db = api.app.get(DataSource);
      const entry = {
        leadId: randomUUID(),
        segmentId: 'seg-unbound',
        membershipId: randomUUID(),
        triggerEventId: null,
      };
      const [{ id }] = await db.query(
        `INSERT INTO outbox (kind, payload) VALUES ('segment_entered', $1) RETURNING id`,
        [JSON.stringify({ ...entry, enteredAt: new Date().toISOString() })],
      );
      await started;
      expect(sampleOf((await scrape()).text, 'segflow_outbox_lanes_busy')).toBe(1);
      release();
      const busy = async () => sampleOf((await scrape()).text, 'segflow_outbox_lanes_busy');
      expect(await eventually(busy, (n) => n === 0)).toBe(0);
      const [{ dispatched_at }] = await db.query(`SELECT dispatched_at FROM outbox WHERE id = $1`, [id]);
      expect(dispatched_at).toEqual(expect.any(Date));
    } finally {
      release(); // a held delivery would keep the API's shutdown waiting
      enter.mockRestore();
    }
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    api = await startTestApi({ METRICS_TOKEN: 'metrics-token-0123456789' });
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong-token-0123456789')).status).toBe(401);
    const allowed = await scrape('Bearer metrics-token-0123456789');
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('segflow_http_requests_total');
  });
});

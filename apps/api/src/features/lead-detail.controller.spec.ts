import { startTestApi, TestApi } from '../testing/test-api';

describe('GET /api/leads/:id (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('returns the lead with its features and newest events first, by id or externalId', async () => {
    const created = await api.request('POST', '/api/leads', {
      externalId: 'det-1',
      name: 'Meera',
      industry: 'SaaS',
      headcount: 40,
    });
    await api.request('POST', '/api/events', {
      events: [
        {
          eventId: 'det-e1',
          leadExternalId: 'det-1',
          type: 'page_view',
          occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
          url: '/pricing',
          properties: { campaign: 'q4' },
        },
        {
          eventId: 'det-e2',
          leadExternalId: 'det-1',
          type: 'email_reply',
          occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        },
      ],
    });
    const byId = await api.request('GET', `/api/leads/${created.body.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({
      id: created.body.id,
      name: 'Meera',
      eventCount: 2,
      segment: null,
      memberships: [],
    });
    expect(byId.body.features).toEqual(
      expect.objectContaining({ intent: expect.any(Number), fit: expect.any(Number) }),
    );
    expect(byId.body.features.intent).toBeGreaterThan(0);
    expect(byId.body.events.map((e: any) => [e.eventId, e.channel])).toEqual([
      ['det-e2', 'email'],
      ['det-e1', null],
    ]);
    expect(byId.body.events[1].properties).toEqual({ campaign: 'q4', url: '/pricing' });
    expect((await api.request('GET', '/api/leads/det-1')).body.id).toBe(created.body.id);
  });

  it('answers 404 for an unknown lead', async () => {
    expect((await api.request('GET', '/api/leads/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await api.request('GET', '/api/leads/nobody')).status).toBe(404);
  });
});

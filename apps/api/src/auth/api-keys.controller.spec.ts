import { startTestApi, TestApi } from '../testing/test-api';

describe('API keys (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('ingests leads with a key, refuses every other endpoint, and stops at once when revoked', async () => {
    const created = await api.request('POST', '/api/api-keys', { name: 'CRM sync' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'CRM sync', scopes: ['ingest'], key: expect.stringMatching(/^sfk_/) });
    const key = { apiKey: created.body.key as string };

    const lead = await api.requestAs(key, 'POST', '/api/leads', { externalId: 'key-1', name: 'By key' });
    expect(lead.status).toBe(201);
    const viaHeader = await api.app.inject({
      method: 'POST',
      url: '/api/leads',
      payload: { externalId: 'key-2' },
      headers: { 'x-api-key': key.apiKey },
    });
    expect(viaHeader.statusCode).toBe(201);
    expect((await api.requestAs(key, 'GET', '/api/leads')).status).toBe(403);
    expect((await api.requestAs(key, 'GET', '/api/api-keys')).status).toBe(403);

    const listed = await api.request('GET', '/api/api-keys');
    expect(listed.body).toEqual([
      expect.objectContaining({ id: created.body.id, prefix: key.apiKey.slice(0, 10), lastUsedAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(key.apiKey);

    expect((await api.request('POST', `/api/api-keys/${created.body.id}/revoke`)).status).toBe(201);
    expect((await api.requestAs(key, 'POST', '/api/leads', { externalId: 'key-3' })).status).toBe(401);
  });

  it('answers 401 for an unknown key', async () => {
    expect((await api.requestAs({ apiKey: 'sfk_unknown' }, 'POST', '/api/leads', { externalId: 'x' })).status).toBe(
      401,
    );
  });
});

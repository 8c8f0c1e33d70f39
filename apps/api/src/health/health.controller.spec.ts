import { startTestApi, TestApi } from '../testing/test-api';

describe('HealthController', () => {
  let api: TestApi | undefined;
  afterEach(() => api?.close());

  it('reports database and Temporal up', async () => {
    api = await startTestApi();
    const response = await api.request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      database: { up: true },
      temporal: { up: true },
      ingest: { waitingEvents: 0, limit: 50_000 },
    });
  });

  it('answers 503 and names Temporal when it is unreachable', async () => {
    api = await startTestApi({ TEMPORAL_ADDRESS: '127.0.0.1:1' });
    const response = await api.request('GET', '/api/health');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      status: 'degraded',
      database: { up: true },
      temporal: { up: false, address: '127.0.0.1:1' },
    });
  });

  it('serves the OpenAPI document', async () => {
    api = await startTestApi();
    const response = await api.request('GET', '/api/docs/openapi.json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/leads']));
  });
});

import { request as httpRequest } from 'node:http';
import { createTestDatabase, uniqueTaskQueue } from '../tools/testing/test-database';
import { ApiProcess, startApiProcess } from './support/api-process';
import { eventually } from './support/eventually';

// API_REPLICAS=2 forks two replicas onto one port; the cluster primary hands each new connection to the next one,
// so requests and scrapes on fresh connections alternate between them. Every scrape must still count every request.
describe('GET /metrics with API_REPLICAS=2', () => {
  let api: ApiProcess;
  afterAll(() => api?.kill());

  /** One request on a connection of its own (fetch would keep one connection, and so one replica). */
  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${api.url}${path}`, { agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
      request.on('error', reject).end();
    });
  const unrouted = (text: string) =>
    Number(text.match(/^segflow_http_requests_total\{method="GET",route="unmatched",status="404"\} (\d+)$/m)?.[1] ?? 0);

  it('answers every scrape, whichever replica it reaches, with the requests both replicas served', async () => {
    const databaseUrl = await createTestDatabase('replica_metrics');
    api = await startApiProcess(
      { name: 'replica-metrics', databaseUrl, taskQueue: uniqueTaskQueue('replica-metrics') },
      { API_REPLICAS: '2' },
    );
    // Healthy means one replica listens; the second may still be booting (its share arrives with it).
    expect(
      (
        await eventually(
          () => get('/metrics'),
          (r) => r.status === 200,
          60_000,
        )
      ).status,
    ).toBe(200);
    const before = unrouted((await get('/metrics')).body);

    for (let i = 0; i < 6; i += 1) expect((await get(`/api/no-such-route-${i}`)).status).toBe(404);
    const scrapes = [];
    for (let i = 0; i < 4; i += 1) scrapes.push(await get('/metrics'));
    expect(scrapes.map((s) => [s.status, unrouted(s.body) - before])).toEqual(Array(4).fill([200, 6]));
  }, 180_000);
});

import { apiFetch, signInToApi } from './support/auth';
import { eventually } from './support/eventually';
import { freePort } from './support/free-port';
import { Stack, startStack } from './support/stack';
import { sampleOf } from '../tools/testing/prometheus-text';

const METRICS_TOKEN = 'e2e-metrics-token-0123456789';

// The built API and worker as `npm start` runs them, with every metrics endpoint on: what Prometheus would scrape.
describe('metrics endpoints of the built API and worker', () => {
  let stack: Stack;
  let token: string;
  let workerUrl: string;
  let temporalMetricsUrl: string;

  beforeAll(async () => {
    const [workerPort, temporalPort] = [await freePort(), await freePort()];
    workerUrl = `http://127.0.0.1:${workerPort}`;
    temporalMetricsUrl = `http://127.0.0.1:${temporalPort}/metrics`;
    stack = await startStack('metrics', {
      METRICS_TOKEN,
      WORKER_METRICS_PORT: String(workerPort),
      TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${temporalPort}`,
    });
    token = await signInToApi(stack);
  });
  afterAll(() => stack?.stop());

  it('counts a lead intake on both sides and serves the worker health and the SDK metrics', async () => {
    const before = await (
      await fetch(`${stack.apiUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(
      (
        await apiFetch(stack, token, '/api/leads', {
          method: 'POST',
          body: { leads: [{ externalId: 'mx-1', name: 'Ravi' }] },
        })
      ).status,
    ).toBe(200);

    expect((await fetch(`${stack.apiUrl}/metrics`)).status).toBe(401);
    const api = await (
      await fetch(`${stack.apiUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    const series = 'segflow_http_requests_total{method="POST",route="/api/leads",status="200"}';
    expect(sampleOf(api, series) - sampleOf(before, series)).toBe(1);

    const intakes = 'segflow_worker_activity_duration_seconds_count{activity="recordLeadIntake",outcome="completed"}';
    const worker = await eventually(
      async () => (await fetch(`${workerUrl}/metrics`)).text(),
      (text) => sampleOf(text, intakes) === 1,
      30_000,
    );
    expect(sampleOf(worker, intakes)).toBe(1);
    const health = await fetch(`${workerUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      workers: ['RUNNING', 'RUNNING', 'RUNNING'],
      lastActivityAt: expect.any(String),
    });
    expect(await (await fetch(temporalMetricsUrl)).text()).toMatch(
      /^temporal_activity_execution_latency_bucket\{.*activity_type="recordLeadIntake"/m,
    );
  });
});

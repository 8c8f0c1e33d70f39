import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, uniqueTaskQueue } from '../tools/testing/test-database';
import { ApiProcess, ProcessTarget, startApiProcess, startWorkerProcess } from './support/api-process';
import { until } from './support/eventually';
import { CollectedSpan, OtlpCollector, startOtlpCollector } from './support/otlp-collector';
import {
  createLead,
  moveLead,
  publishAndBind,
  runsOfLead,
  seedAndTrain,
  SegmentKey,
  segmentPlaybook,
} from './support/segment-moves';

const artifacts = join(__dirname, '..', 'test-artifacts');
const SERVER = 2;

/** The JSON lines of a process log so far (other lines, e.g. a stack on stderr, are skipped). */
function jsonLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

// The built API and worker with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a collector inside this spec and LOG_LEVEL
// debug: what Jaeger or Tempo would receive, and what a log shipper would read.
describe('traces and logs of the built API and worker', () => {
  let collector: OtlpCollector;
  let target: ProcessTarget;
  let api: ApiProcess;
  let worker: { stop(): Promise<void> };
  let segments: Record<SegmentKey, string>;

  beforeAll(async () => {
    collector = await startOtlpCollector();
    // A name of this run's own, so the log files read below hold only this run's lines.
    target = {
      name: `observability-${Date.now()}`,
      databaseUrl: await createTestDatabase('obs'),
      taskQueue: uniqueTaskQueue('obs'),
    };
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, LOG_LEVEL: 'debug' };
    worker = startWorkerProcess(target, env);
    api = await startApiProcess(target, env);
    segments = await seedAndTrain(api.request);
    await publishAndBind(api.request, segmentPlaybook({ policy: 'never' }), segments.whatsapp);
  });
  afterAll(async () => {
    await api?.kill();
    await worker?.stop();
    await collector?.close();
  });

  it('links the request that moved a lead, through the outbox and the workflow start, to the run’s deliverTouch', async () => {
    const { id: leadId } = await createLead(api.request, 'traced-mover');
    await moveLead(api.request, 'traced-mover', 0, segments);
    await moveLead(api.request, 'traced-mover', 1, segments);
    const [run] = await until(
      () => runsOfLead(api.request, leadId),
      (runs) => runs.length === 1,
    );
    const isDelivery = (span: CollectedSpan) =>
      span.name === 'RunActivity:deliverTouch' && span.attributes.temporalWorkflowId === run.temporalWorkflowId;
    const delivery = (
      await until(
        async () => collector.spans,
        (spans) => spans.some(isDelivery),
        30_000,
      )
    ).find(isDelivery)!;
    expect(delivery.service).toBe('segflow-worker');

    // Each process exports in batches, so the API's spans of this trace may arrive after the worker's.
    const traceNames = ['POST /api/events', 'outbox segment_entered', 'StartWorkflow:playbookRunWorkflow'];
    const ofTrace = (spans: CollectedSpan[]) => spans.filter((span) => span.traceId === delivery.traceId);
    const trace = ofTrace(
      await until(
        async () => collector.spans,
        (spans) => traceNames.every((name) => ofTrace(spans).some((span) => span.name === name)),
        30_000,
      ),
    );
    const named = (name: string) => trace.find((span) => span.name === name);
    const request = named('POST /api/events');
    const outbox = named('outbox segment_entered');
    const start = named('StartWorkflow:playbookRunWorkflow');
    expect(request).toMatchObject({
      service: 'segflow-api',
      kind: SERVER,
      attributes: { 'http.route': '/api/events' },
    });
    // The outbox delivery ran later, off the request, and still continues its span: the traceparent rode in the row.
    expect(outbox).toMatchObject({ service: 'segflow-api', parentSpanId: request!.spanId });
    expect(start).toMatchObject({ service: 'segflow-api', parentSpanId: outbox!.spanId });
    expect(collector.spans.filter((span) => span.service === 'collector')).toEqual([]);
  });

  it('writes JSON lines: a request’s carry its request id, an activity’s its workflow id and run id', async () => {
    const requestId = `obs-${randomUUID()}`;
    const answer = await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': requestId } });
    expect(answer.headers.get('x-request-id')).toBe(requestId);
    const apiLog = join(artifacts, `${target.name}-api-${new URL(api.url).port}.log`);
    const summary = (
      await until(
        async () => jsonLines(apiLog),
        (lines) => lines.some((line) => line.reqId === requestId),
      )
    ).find((line) => line.reqId === requestId);
    expect(summary).toMatchObject({
      level: 'debug',
      service: 'api',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      msg: 'request completed',
      method: 'GET',
      route: '/api/health',
      statusCode: answer.status,
    });

    const { id: leadId } = await createLead(api.request, 'logged-mover');
    await moveLead(api.request, 'logged-mover', 0, segments);
    await moveLead(api.request, 'logged-mover', 1, segments);
    const [run] = await until(
      () => runsOfLead(api.request, leadId),
      (runs) => runs.length === 1,
    );
    const isDelivered = (line: Record<string, unknown>) =>
      line.msg === 'Activity completed' && line.activityType === 'deliverTouch' && line.runId === run.id;
    const workerLog = join(artifacts, `${target.name}-worker.log`);
    const delivered = (
      await until(
        async () => jsonLines(workerLog),
        (lines) => lines.some(isDelivered),
        30_000,
      )
    ).find(isDelivered);
    expect(delivered).toMatchObject({
      level: 'debug',
      service: 'worker',
      workflowId: run.temporalWorkflowId,
      workflowRunId: expect.any(String),
      runId: run.id,
    });
  });
});

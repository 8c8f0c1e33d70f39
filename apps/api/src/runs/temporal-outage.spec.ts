import { createServer, Server, Socket, connect } from 'node:net';
import { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { samplePlaybook } from '@segflow/playbook/testing';
import { leadIntakeWorkflowId } from '@segflow/workflow-contracts';
import { Pool } from 'pg';
import { eventually } from '../../../../e2e/support/eventually';
import { testTemporalAddress } from '../../../../tools/testing/test-database';
import { captureLog } from '../testing/captured-log';
import { startTestApi, TestApi } from '../testing/test-api';

/** A port nothing listens on (yet): the API's Temporal address while Temporal is "down". */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** "Temporal is back": a TCP relay on `port` to the real test Temporal server. */
async function relay(port: number, target: string): Promise<{ close(): Promise<void> }> {
  const [host, targetPort] = target.split(':');
  const sockets = new Set<Socket>();
  const server: Server = createServer((inbound) => {
    const outbound = connect(Number(targetPort), host);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// Temporal unreachable at boot and during the requests: the API boots, stores the lead and the run, and the
// outbox starts their workflows once Temporal answers (here: once a relay on the API's Temporal port opens).
describe('workflow starts while Temporal is down (real PostgreSQL, real Temporal behind a relay)', () => {
  let api: TestApi;
  let pool: Pool;
  let temporal: Client;
  let port: number;
  beforeAll(async () => {
    port = await closedPort();
    api = await startTestApi({ TEMPORAL_ADDRESS: `127.0.0.1:${port}`, OUTBOX_POLL_MS: '200' });
    pool = new Pool({ connectionString: api.config.DATABASE_URL });
    temporal = new Client({ connection: await Connection.connect({ address: testTemporalAddress() }) });
  });
  afterAll(async () => {
    await temporal?.connection.close();
    await pool?.end();
    await api?.close();
  });

  it('logs the warning that a lead’s intake waits for the outbox with the lead’s id and the request’s id', async () => {
    const log = captureLog();
    let leadId: string;
    try {
      const lead = await api.request('POST', '/api/leads', { externalId: 'outage-log-1', name: 'Ravi Iyer' });
      expect(lead.body).toMatchObject({ status: 'created' });
      leadId = lead.body.id as string;
    } finally {
      log.stop();
    }
    const warning = log.lines().find((line) => String(line.msg).startsWith('intake workflow for lead'));
    expect(warning).toMatchObject({ level: 'warn', context: 'LeadsService', leadId, reqId: expect.any(String) });
  });

  it('keeps a new lead and a manual enrolment, and starts their workflows through the outbox once Temporal is back', async () => {
    const playbookId = (await api.request('POST', '/api/playbooks', { name: 'Outage' })).body.id;
    await api.request('PUT', `/api/playbooks/${playbookId}/draft`, { graph: samplePlaybook(), revision: 1 });
    expect((await api.request('POST', `/api/playbooks/${playbookId}/publish`, {})).status).toBe(201);
    const lead = await api.request('POST', '/api/leads', {
      externalId: 'outage-1',
      name: 'Asha Rao',
      email: 'asha@acme.test',
    });
    expect(lead.body).toMatchObject({ status: 'created' });
    const leadId = lead.body.id as string;

    const enrolled = await api.request('POST', '/api/runs', { leadId, playbookId });
    expect(enrolled).toMatchObject({ status: 201, body: { leadId, status: 'active' } });
    const runId = enrolled.body.id as string;
    const outboxOf = async () =>
      (
        await pool.query(`SELECT kind, payload, dispatched_at FROM outbox WHERE payload->>'leadId' = $1 ORDER BY id`, [
          leadId,
        ])
      ).rows;
    expect(await outboxOf()).toEqual([
      { kind: 'lead_intake', payload: { leadId }, dispatched_at: null },
      { kind: 'run_start', payload: { leadId, runId }, dispatched_at: null },
    ]);

    const back = await relay(port, testTemporalAddress());
    try {
      const rows = await eventually(outboxOf, (rs) => rs.every((r) => r.dispatched_at !== null), 60_000, 200);
      expect(rows.map((r) => r.dispatched_at)).toEqual([expect.any(Date), expect.any(Date)]);
      const run = await temporal.workflow.getHandle(`playbook-run-${runId}`).describe();
      expect(run.status.name).toBe('RUNNING');
      const intake = await temporal.workflow.getHandle(leadIntakeWorkflowId(leadId)).describe();
      expect(intake.taskQueue).toBe(api.config.TEMPORAL_TASK_QUEUE);
    } finally {
      await back.close();
    }
  }, 90_000);
});

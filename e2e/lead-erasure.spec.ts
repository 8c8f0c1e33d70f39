import type { Playbook } from '@segflow/playbook';
import { buildPlaybook } from '@segflow/playbook/testing';
import { WorkflowNotFoundError } from '@temporalio/client';
import { insertSandboxMail } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { TemporalClient } from '../apps/api/src/temporal/temporal.module';
import { SlaFixtures } from '../apps/api/src/testing/sla-fixtures';
import { startTestApi, TestApi } from '../apps/api/src/testing/test-api';
import { eventually, until } from './support/eventually';
import { postEvent, publishPlaybook, runWhen, startInProcessWorker, TIME_SCALE } from './support/playbook-runs';

// The lead's personal data, each piece distinctive enough that a hit anywhere is this lead's.
const LEAD = {
  externalId: 'crm-erase-1',
  name: 'Kavyashree Iyengar',
  email: 'Kavyashree.Iyengar@mysoresandal.test',
  phone: '+919812300077',
  linkedinUrl: 'https://www.linkedin.com/in/kavyashree-iyengar-77',
  company: 'Mysore Sandal Exports',
};
const NEEDLES = ['kavyashree', 'iyengar', '9812300077'];

const sender = { kind: 'fixed', name: 'Segflow', address: 'hi@segflow.test' } as const;
const settings = { reentry: { policy: 'always' }, quietHours: null, maxTouchesPerDay: null } as const;

/** send → wait for a reply (1 h) → call task → hold 2 h → exit: at TIME_SCALE the run is still active for 2 minutes. */
const replyThenCall: Playbook = buildPlaybook({
  settings,
  nodes: [
    {
      id: 'intro',
      type: 'send',
      config: {
        channel: 'email',
        subject: 'Hello {{lead.firstName}}',
        body: 'Hi {{lead.firstName}}',
        sender,
        onFailure: 'skip',
      },
    },
    { id: 'reply', type: 'waitForEvent', config: { eventTypes: ['email_reply'], timeoutMinutes: 60 } },
    {
      id: 'call',
      type: 'task',
      config: {
        taskType: 'call',
        title: 'Call {{lead.firstName}}',
        priority: 'high',
        dueInMinutes: 60,
        waitForCompletion: false,
        timeoutMinutes: 0,
      },
    },
    { id: 'hold', type: 'wait', config: { mode: 'duration', minutes: 120 } },
    { id: 'done', type: 'exit', config: { reason: 'sequence-done' } },
  ],
  edges: [
    'entry.next->intro',
    'intro.next->reply',
    'reply.matched->call',
    'reply.timedOut->call',
    'call.next->hold',
    'hold.next->done',
  ],
});

const emailOnce: Playbook = buildPlaybook({
  settings,
  nodes: [
    {
      id: 'intro',
      type: 'send',
      config: {
        channel: 'email',
        subject: 'Hello {{lead.firstName}}',
        body: 'Hi {{lead.firstName}}',
        sender,
        onFailure: 'skip',
      },
    },
    { id: 'done', type: 'exit', config: { reason: 'sequence-done' } },
  ],
  edges: ['entry.next->intro', 'intro.next->done'],
});

/**
 * Every text, varchar, text[] and jsonb column of every table in the public schema, and every bytea column decoded as
 * UTF-8 (a raw message keeps the addresses its parsed columns hold), with the rows naming a needle.
 */
async function findPersonalData(db: DataSource): Promise<string[]> {
  const columns: { table_name: string; column_name: string; data_type: string }[] = await db.query(
    `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND (c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea') OR c.udt_name IN ('_text', '_varchar'))`,
  );
  expect(columns.length).toBeGreaterThan(50);
  expect(columns).toContainEqual({ table_name: 'sandbox_mail', column_name: 'raw', data_type: 'bytea' });
  const hits: string[] = [];
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    // Bytes need not be valid UTF-8 (PostgreSQL's convert_from would refuse them): Node decodes them lossily.
    const texts: string[] | null =
      type === 'bytea'
        ? (await db.query(`SELECT "${column}" AS v FROM "${table}" WHERE "${column}" IS NOT NULL`)).map(
            (r: { v: Buffer }) => r.v.toString('utf8').toLowerCase(),
          )
        : null;
    for (const needle of NEEDLES) {
      const n = texts
        ? texts.filter((text) => text.includes(needle)).length
        : (
            await db.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE $1`, [
              `%${needle}%`,
            ])
          )[0].n;
      if (n) hits.push(`${table}.${column} ~ ${needle} (${n})`);
    }
  }
  return hits;
}

/** The text of a workflow's history with every payload decoded, or null once the execution is gone. */
async function historyText(temporal: TemporalClient, workflowId: string): Promise<string | null> {
  try {
    const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
    // Payload bytes come as base64 strings in `data` (the history's proto JSON), or as bytes.
    return JSON.stringify(history, (key, value) => {
      if (key === 'data' && typeof value === 'string') return Buffer.from(value, 'base64').toString('utf8');
      if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
      return value;
    }).toLowerCase();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError || (error as { code?: number }).code === 5) return null;
    throw error;
  }
}

// Issue 20, "Privacy": export and erasure through the API, a real worker, Temporal and PostgreSQL.
describe('lead export and erasure (API + worker + Temporal + Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  let temporal: TemporalClient;
  let worker: { stop(): Promise<void> };
  beforeAll(async () => {
    api = await startTestApi({ PLAYBOOK_TIME_SCALE: TIME_SCALE, OUTBOX_POLL_MS: '50' });
    db = api.app.get(DataSource);
    temporal = api.app.get(TemporalClient);
    worker = await startInProcessWorker(api);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it("exports everything about a lead, then erases it everywhere, deletes its workflows' histories and keeps it suppressed", async () => {
    const created = await api.request('POST', '/api/leads', {
      ...LEAD,
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    expect(created.status).toBe(201);
    const leadId: string = created.body.id;
    const runId = (
      await api.request('POST', '/api/runs', { leadId, playbookId: await publishPlaybook(api, replyThenCall) })
    ).body.id;
    await runWhen(api, runId, (r) => r.touches.length === 1);
    await postEvent(api, LEAD.externalId, 'email_reply', {
      properties: { text: `Yes please call me, ${LEAD.name}, ${LEAD.phone}` },
    });
    const running = await runWhen(api, runId, (r) => r.tasks.length === 1);
    expect(running).toMatchObject({ status: 'active', tasks: [expect.objectContaining({ title: 'Call Kavyashree' })] });
    const taskId: string = running.tasks[0].id;
    // The rest of what Segflow can hold about a lead: a segment entry under an SLA policy (its clock), a rep's note
    // naming the lead, an audited consent change, and a message the sandbox mailbox caught (its raw bytes name them).
    const fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    let segmentId: string;
    try {
      segmentId = await fx.segment('Erasure segment');
      const policy = { segmentId, firstTouchWithinMinutes: 600, clock: 'wall' };
      expect((await api.request('POST', '/api/sla/policies', policy)).status).toBe(201);
      await fx.enter(leadId, segmentId, new Date());
    } finally {
      await fx.close();
    }
    // Null while the periodic pass holds the lock: a pass of our own after it has opened the clock either way.
    await until(
      async () => (await api.request('POST', '/api/sla/check')).body,
      (result) => result !== null,
      20_000,
    );
    const note = { body: `${LEAD.name} asked for a call after 5` };
    expect((await api.request('POST', `/api/inbox/tasks/${taskId}/notes`, note)).status).toBe(204);
    const withdrawn = { email: true, whatsapp: true, linkedin: false };
    expect((await api.request('POST', '/api/leads', { externalId: LEAD.externalId, consent: withdrawn })).status).toBe(
      200,
    );
    await insertSandboxMail(db, {
      envelopeFrom: 'hi@segflow.test',
      envelopeTo: [LEAD.email.toLowerCase()],
      messageId: '<erase-1@segflow.test>',
      fromAddress: 'hi@segflow.test',
      toAddresses: null,
      replyTo: null,
      subject: null,
      text: null,
      html: null,
      headers: [],
      // Not valid UTF-8 throughout (a Latin-1 byte): the scan must still read it.
      raw: Buffer.concat([Buffer.from(`To: ${LEAD.name} <${LEAD.email}>\r\n\r\nCaf`), Buffer.from([0xe9])]),
    });

    const exported = await api.request('GET', `/api/leads/${leadId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      lead: expect.objectContaining({ id: leadId, email: LEAD.email, phone: LEAD.phone }),
      runs: [expect.objectContaining({ id: runId, path: expect.any(Array), steps: expect.any(Array) })],
      touches: [expect.objectContaining({ subject: 'Hello Kavyashree' })],
      tasks: [
        expect.objectContaining({
          title: 'Call Kavyashree',
          activity: [expect.objectContaining({ kind: 'note', body: note.body })],
        }),
      ],
      events: expect.arrayContaining([expect.objectContaining({ type: 'email_reply' })]),
      memberships: [expect.objectContaining({ lead_id: leadId, segment_id: segmentId })],
      slaClocks: [expect.objectContaining({ lead_id: leadId })],
      auditEntries: [
        expect.objectContaining({
          action: 'lead.consentChanged',
          entity_id: leadId,
          after: { channel: 'linkedin', granted: false, source: 'api:leads' },
        }),
      ],
    });
    // The scan and the history check can fail: before the erasure both find the lead, the scan in bytes too.
    expect(await findPersonalData(db)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^leads\.email/), expect.stringMatching(/^sandbox_mail\.raw/)]),
    );
    const workflowIds: string[] = (
      await db.query(`SELECT temporal_workflow_id AS id FROM runs WHERE lead_id = $1`, [leadId])
    ).map((r: { id: string }) => r.id);
    expect(await historyText(temporal, workflowIds[0]!)).toContain('kavyashree');
    const totals = () =>
      db.query(`SELECT (SELECT sum(touches) FROM dashboard_touch_days)::int AS touches,
                       (SELECT sum(replies) FROM dashboard_outcome_days)::int AS replies,
                       (SELECT count(*) FROM events)::int AS events`);
    const before = await totals();

    const erased = await api.request('POST', `/api/leads/${leadId}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ leadId, runsStopped: 1 });

    expect(await findPersonalData(db)).toEqual([]);
    expect(await totals()).toEqual(before);
    expect((await api.request('GET', `/api/runs/${runId}`)).body).toMatchObject({ status: 'exited' });
    for (const id of [...workflowIds, `lead-intake-${leadId}`])
      expect(
        // Temporal deletes an execution asynchronously (a task of its history service): slow on a loaded machine.
        await eventually(
          () => historyText(temporal, id),
          (text) => text === null,
          60_000,
        ),
      ).toBeNull();
    const audit = await api.request('GET', `/api/audit?action=lead.erased&entityId=${leadId}`);
    expect(audit.body.entries).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ kind: 'user', id: api.admin.id }),
        entityType: 'lead',
      }),
    ]);
    // Repeatable: nothing left to stop or delete.
    const repeated = await api.request('POST', `/api/leads/${leadId}/erase`);
    expect(repeated).toMatchObject({ status: 200, body: { runsStopped: 0 } });

    // The same address, re-imported as a new lead (another case, another id), is never emailed.
    const again = await api.request('POST', '/api/leads', {
      externalId: 'crm-erase-2',
      email: LEAD.email.toUpperCase(),
      phone: LEAD.phone,
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    expect(again.status).toBe(201);
    const second = await api.request('POST', '/api/runs', {
      leadId: again.body.id,
      playbookId: await publishPlaybook(api, emailOnce, 'After erasure'),
    });
    const ended = await until(
      () => api.request('GET', `/api/runs/${second.body.id}`).then((r) => r.body),
      (r) => r.status !== 'active',
      20_000,
    );
    expect(ended.touches).toEqual([]);
    const sendNotes = ended.path
      .filter((p: { nodeId: string }) => p.nodeId === 'intro')
      .map((p: { note?: string }) => p.note);
    expect(sendNotes).toEqual(['skipped:unsubscribed:email']);
  });

  it('refuses a malformed id, an unknown lead, and a non-admin', async () => {
    expect((await api.request('POST', '/api/leads/not-a-uuid/erase')).status).toBe(400);
    expect((await api.request('GET', '/api/leads/00000000-0000-4000-8000-000000000000/export')).status).toBe(404);
    const ops = await api.createUser({ role: 'ops' });
    expect((await api.requestAs(ops, 'POST', '/api/leads/00000000-0000-4000-8000-000000000000/erase')).status).toBe(
      403,
    );
  });
});

import { randomUUID } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { leadEventsSignal } from '@segflow/workflow-contracts';
import { Pool } from 'pg';
import { TemporalClient } from '../apps/api/src/temporal/temporal.module';
import { startTestApi, TestApi } from '../apps/api/src/testing/test-api';
import { eventually, until } from './support/eventually';
import {
  createLead,
  followUpPlaybook,
  publishPlaybook,
  startInProcessWorker,
  TIME_SCALE,
} from './support/playbook-runs';

// The dispatcher's side of the outbox seam: rows are written here in SQL, as the segments work writes them
// in its own transaction; a segment change made through POST /api/events is covered by the segments suites.
describe('outbox dispatcher → playbook runs', () => {
  let api: TestApi;
  let worker: { stop(): Promise<void> };
  let pool: Pool;
  let playbookId: string;
  beforeAll(async () => {
    api = await startTestApi({ PLAYBOOK_TIME_SCALE: TIME_SCALE, OUTBOX_POLL_MS: '50' });
    worker = await startInProcessWorker(api);
    pool = new Pool({ connectionString: api.config.DATABASE_URL });
    playbookId = await publishPlaybook(api, followUpPlaybook());
    await api.request('PUT', `/api/playbooks/${playbookId}/binding`, { segmentId: 'seg-hot', holdoutPercent: 0 });
  });
  afterAll(async () => {
    await worker?.stop();
    await pool?.end();
    await api?.close();
  });

  const writeOutbox = (kind: string, payload: object) =>
    pool.query(`INSERT INTO outbox (kind, payload) VALUES ($1, $2)`, [kind, JSON.stringify(payload)]);
  const runsOf = async (leadId: string) =>
    (
      await pool.query(
        `SELECT id, status, exit_reason, membership_id, temporal_workflow_id FROM runs WHERE lead_id = $1`,
        [leadId],
      )
    ).rows;
  const pendingOutbox = async () =>
    Number((await pool.query(`SELECT count(*) FROM outbox WHERE dispatched_at IS NULL`)).rows[0].count);

  it('starts exactly one run per segment entry, even when the row is delivered twice', async () => {
    const leadId = await createLead(api, 'ob-enter');
    const membershipId = randomUUID();
    const entered = {
      leadId,
      segmentId: 'seg-hot',
      membershipId,
      enteredAt: new Date().toISOString(),
      triggerEventId: null,
    };
    await writeOutbox('segment_entered', entered);
    await writeOutbox('segment_entered', entered);
    await until(pendingOutbox, (n) => n === 0);
    const runs = await eventually(
      () => runsOf(leadId),
      (rs) => rs.length > 0,
    );
    expect(runs).toEqual([
      expect.objectContaining({
        status: 'active',
        membership_id: membershipId,
        temporal_workflow_id: `playbook-run-${membershipId}-${playbookId}`,
      }),
    ]);
    const touches = await eventually(
      async () => (await api.request('GET', `/api/touches?leadId=${leadId}`)).body,
      (ts) => ts.length > 0,
    );
    expect(touches).toHaveLength(1);
  });

  it('ends the run of the membership at once when the lead leaves the segment', async () => {
    const leadId = await createLead(api, 'ob-leave');
    const membershipId = randomUUID();
    await writeOutbox('segment_entered', {
      leadId,
      segmentId: 'seg-hot',
      membershipId,
      enteredAt: new Date().toISOString(),
      triggerEventId: null,
    });
    await until(
      () => runsOf(leadId),
      (rs) => rs.length === 1,
    );
    await writeOutbox('segment_left', {
      leadId,
      segmentId: 'seg-hot',
      membershipId,
      leftAt: new Date().toISOString(),
      reason: 'moved',
    });
    const [run] = await eventually(
      () => runsOf(leadId),
      (rs) => rs[0]?.status !== 'active',
      5_000,
    );
    expect(run).toMatchObject({ status: 'exited', exit_reason: 'left-segment:moved' });
  });

  /** A run of a fresh entry of `leadId`, once its first touch went out (its workflow runs). */
  async function enteredRun(leadId: string, membershipId: string) {
    await writeOutbox('segment_entered', {
      leadId,
      segmentId: 'seg-hot',
      membershipId,
      enteredAt: new Date().toISOString(),
      triggerEventId: null,
    });
    const [run] = await eventually(
      () => runsOf(leadId),
      (rs) => rs.length === 1,
    );
    await eventually(
      async () => (await pool.query(`SELECT id FROM touches WHERE run_id = $1`, [run.id])).rows,
      (r) => r.length === 1,
    );
    return run;
  }

  /** Commits a lead event and the segment exit after it in one transaction, as the ingest writes a moving event. */
  async function commitEventThenExit(leadId: string, membershipId: string, eventId: string, type: string) {
    const at = new Date().toISOString();
    await pool.query(`INSERT INTO outbox (kind, payload) VALUES ('lead_event', $1), ('segment_left', $2)`, [
      JSON.stringify({
        leadId,
        eventId,
        type,
        occurredAt: at,
        channel: type.startsWith('email_') ? 'email' : null,
        replyTo: null,
        properties: {},
      }),
      JSON.stringify({ leadId, segmentId: 'seg-hot', membershipId, leftAt: at, reason: 'moved' }),
    ]);
  }

  const signalsOf = async (workflowId: string) => {
    const { events } = await api.app.get(TemporalClient).workflow.getHandle(workflowId).fetchHistory();
    return (events ?? []).flatMap((e) => {
      const signal = e.workflowExecutionSignaledEventAttributes;
      return signal
        ? [{ name: signal.signalName, payload: defaultPayloadConverter.fromPayload(signal.input!.payloads![0]!) }]
        : [];
    });
  };

  it("sends a run the lead's events and the exit after them as one signal, and the run exits", async () => {
    const leadId = await createLead(api, 'ob-events-exit');
    const membershipId = randomUUID();
    const run = await enteredRun(leadId, membershipId);
    await commitEventThenExit(leadId, membershipId, 'ev-moving-reply', 'email_reply');
    const [ended] = await eventually(
      () => runsOf(leadId),
      (rs) => rs[0]?.status !== 'active',
      5_000,
    );
    expect(ended).toMatchObject({ status: 'exited', exit_reason: 'left-segment:moved' });
    expect(await signalsOf(run.temporal_workflow_id)).toEqual([
      {
        name: leadEventsSignal.name,
        payload: {
          events: [{ event: expect.objectContaining({ type: 'email_reply', eventId: 'ev-moving-reply' }) }],
          exitReason: 'left-segment:moved',
        },
      },
    ]);
  });

  it('creates no task for a reply that came with the exit: the run hears it, takes its branch, and nothing goes out', async () => {
    const leadId = await createLead(api, 'ob-reply-exit');
    const membershipId = randomUUID();
    const run = await enteredRun(leadId, membershipId);
    await eventually(
      async () => (await pool.query(`SELECT current_node_id FROM runs WHERE id = $1`, [run.id])).rows[0],
      (r) => r.current_node_id === 'reply',
      10_000,
    );
    await commitEventThenExit(leadId, membershipId, 'ev-waited-reply', 'email_reply');
    const [ended] = await eventually(
      () => runsOf(leadId),
      (rs) => rs[0]?.status !== 'active',
      5_000,
    );
    expect(ended).toMatchObject({ status: 'exited', exit_reason: 'left-segment:moved' });
    const {
      rows: [{ path }],
    } = await pool.query(`SELECT path FROM runs WHERE id = $1`, [run.id]);
    expect(path.map((step: { nodeId: string }) => step.nodeId)).toContain('call');
    expect((await pool.query(`SELECT id FROM tasks WHERE run_id = $1`, [run.id])).rows).toEqual([]);
  });

  it('converts a run whose goal event came with the exit, instead of exiting it', async () => {
    const leadId = await createLead(api, 'ob-goal-exit');
    const membershipId = randomUUID();
    await enteredRun(leadId, membershipId);
    await commitEventThenExit(leadId, membershipId, 'ev-moving-demo', 'demo_booked');
    const [ended] = await eventually(
      () => runsOf(leadId),
      (rs) => rs[0]?.status !== 'active',
      5_000,
    );
    expect(ended).toMatchObject({ status: 'converted', exit_reason: 'goalEvent:demo_booked' });
  });

  it('routes a lead event to the active run, and a reply to an old touch never wakes a newer run', async () => {
    const leadId = await createLead(api, 'ob-event');
    const first = randomUUID();
    await writeOutbox('segment_entered', {
      leadId,
      segmentId: 'seg-hot',
      membershipId: first,
      enteredAt: new Date().toISOString(),
      triggerEventId: null,
    });
    const [oldRun] = await eventually(
      () => runsOf(leadId),
      (rs) => rs.length === 1,
    );
    const oldTouch = (
      await eventually(
        async () => (await pool.query(`SELECT id FROM touches WHERE run_id = $1`, [oldRun.id])).rows,
        (r) => r.length === 1,
      )
    )[0];
    await writeOutbox('segment_left', {
      leadId,
      segmentId: 'seg-hot',
      membershipId: first,
      leftAt: new Date().toISOString(),
      reason: 'moved',
    });
    await until(
      () => runsOf(leadId),
      (rs) => rs[0]?.status === 'exited',
    );
    const second = randomUUID();
    await writeOutbox('segment_entered', {
      leadId,
      segmentId: 'seg-hot',
      membershipId: second,
      enteredAt: new Date().toISOString(),
      triggerEventId: null,
    });
    const runs = await eventually(
      () => runsOf(leadId),
      (rs) => rs.some((r) => r.membership_id === second),
    );
    const newRun = runs.find((r) => r.membership_id === second)!;
    const reply = (replyTo: object | null, eventId: string) => ({
      leadId,
      eventId,
      type: 'demo_booked',
      occurredAt: new Date().toISOString(),
      channel: null,
      replyTo,
      properties: {},
    });
    await writeOutbox('lead_event', reply({ touchId: oldTouch.id }, 'ev-old'));
    await until(pendingOutbox, (n) => n === 0);
    await new Promise((r) => setTimeout(r, 500));
    expect((await runsOf(leadId)).find((r) => r.id === newRun.id)).toMatchObject({ status: 'active' });
    await writeOutbox('lead_event', reply(null, 'ev-new'));
    const converted = await eventually(
      () => runsOf(leadId),
      (rs) => rs.find((r) => r.id === newRun.id)?.status !== 'active',
      5_000,
    );
    expect(converted.find((r) => r.id === newRun.id)).toMatchObject({
      status: 'converted',
      exit_reason: 'goalEvent:demo_booked',
    });
  });

  it("starts a segment change's new run only once the old run's exit went out, then delivers both", async () => {
    const leadId = await createLead(api, 'ob-change');
    const oldPlaybook = await publishPlaybook(api, followUpPlaybook(), 'Old segment');
    const {
      rows: [version],
    } = await pool.query(`SELECT id, version FROM playbook_versions WHERE playbook_id = $1`, [oldPlaybook]);
    // The old segment's run, with a workflow id Temporal refuses (empty): its exit signal fails.
    const oldMembership = randomUUID();
    const {
      rows: [oldRun],
    } = await pool.query(
      `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, segment_id, membership_id, temporal_workflow_id)
       VALUES ($1, $2, $3, $4, 'seg-old', $5, $6) RETURNING id`,
      [leadId, oldPlaybook, version.id, version.version, oldMembership, ''],
    );
    const newMembership = randomUUID();
    const at = new Date().toISOString();
    // One commit, as the ingest writes a change: the dispatcher claims the exit and the entry together.
    await pool.query(`INSERT INTO outbox (kind, payload) VALUES ('segment_left', $1), ('segment_entered', $2)`, [
      JSON.stringify({ leadId, segmentId: 'seg-old', membershipId: oldMembership, leftAt: at, reason: 'moved' }),
      JSON.stringify({
        leadId,
        segmentId: 'seg-hot',
        membershipId: newMembership,
        enteredAt: at,
        triggerEventId: null,
      }),
    ]);
    const outboxOf = async () =>
      (
        await pool.query(
          `SELECT kind, attempts, last_error, dispatched_at FROM outbox WHERE payload->>'leadId' = $1 AND kind IN ('segment_left', 'segment_entered') ORDER BY id`,
          [leadId],
        )
      ).rows;
    const [left, entered] = await eventually(outboxOf, ([l]) => l?.attempts > 0);
    expect(left).toMatchObject({ kind: 'segment_left', dispatched_at: null, last_error: expect.any(String) });
    expect(entered).toMatchObject({ kind: 'segment_entered', attempts: 0, dispatched_at: null });
    // Its backoff is a second: nothing of the new run goes out meanwhile.
    await new Promise((r) => setTimeout(r, 500));
    expect((await api.request('GET', `/api/touches?leadId=${leadId}`)).body).toEqual([]);

    // The old run's workflow is gone (an id Temporal accepts and does not know): the retried exit goes out.
    await pool.query(`UPDATE runs SET temporal_workflow_id = $2 WHERE id = $1`, [oldRun.id, `gone-${oldRun.id}`]);
    const delivered = await eventually(outboxOf, (rows) => rows.every((r) => r.dispatched_at !== null), 15_000);
    expect(delivered.map((r) => r.kind)).toEqual(['segment_left', 'segment_entered']);
    const touches = await eventually(
      async () => (await api.request('GET', `/api/touches?leadId=${leadId}`)).body,
      (ts) => ts.length > 0,
    );
    expect(touches).toHaveLength(1);
    expect((await runsOf(leadId)).find((r) => r.membership_id === newMembership)).toMatchObject({
      status: 'active',
      temporal_workflow_id: `playbook-run-${newMembership}-${playbookId}`,
    });
  });

  it('holds a deterministic share of entrants out (no workflow) and ignores unbound segments', async () => {
    const other = await publishPlaybook(api, followUpPlaybook(), 'Holdout');
    await api.request('PUT', `/api/playbooks/${other}/binding`, { segmentId: 'seg-holdout', holdoutPercent: 50 });
    const leads = await Promise.all(Array.from({ length: 12 }, (_, i) => createLead(api, `ob-h-${i}`)));
    for (const leadId of leads)
      await writeOutbox('segment_entered', {
        leadId,
        segmentId: 'seg-holdout',
        membershipId: randomUUID(),
        enteredAt: new Date().toISOString(),
        triggerEventId: null,
      });
    await writeOutbox('segment_entered', {
      leadId: leads[0],
      segmentId: 'seg-unbound',
      membershipId: randomUUID(),
      enteredAt: new Date().toISOString(),
      triggerEventId: null,
    });
    await until(pendingOutbox, (n) => n === 0, 20_000);
    const { rows } = await pool.query(`SELECT status, temporal_workflow_id FROM runs WHERE playbook_id = $1`, [other]);
    expect(rows).toHaveLength(12);
    const heldOut = rows.filter((r) => r.status === 'heldOut');
    expect(heldOut.length).toBeGreaterThan(0);
    expect(heldOut.length).toBeLessThan(12);
    expect(heldOut.every((r) => r.temporal_workflow_id === null)).toBe(true);
  });

  it('keeps a failing row with attempts and last_error, and backs it off', async () => {
    await writeOutbox('segment_entered', {
      leadId: 'not-a-uuid',
      segmentId: 'seg-hot',
      membershipId: randomUUID(),
      enteredAt: new Date().toISOString(),
      triggerEventId: null,
    });
    const [row] = await eventually(
      async () =>
        (
          await pool.query(
            `SELECT attempts, last_error, next_attempt_at, dispatched_at FROM outbox WHERE payload->>'leadId' = 'not-a-uuid'`,
          )
        ).rows,
      (rs) => rs[0]?.attempts > 0,
    );
    expect(row).toMatchObject({ attempts: 1, dispatched_at: null, last_error: expect.any(String) });
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now() - 1_000);
  });
});

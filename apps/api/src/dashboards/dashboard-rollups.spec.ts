import { Client } from 'pg';
import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';
import { channelOfEventType, eventTypesWithOutcome, type OutcomeClass } from '@segflow/events';
import { DIMENSIONS, type Dimension } from '@segflow/stores';
import type { ArmEstimates } from '@segflow/scoring';
import { DashboardsService } from './dashboards.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The types of an outcome class as an SQL list, straight from the vocabulary (not through its SQL functions). */
const typesOf = (...outcomes: OutcomeClass[]) =>
  outcomes.flatMap((outcome) => eventTypesWithOutcome(outcome).map((type) => `'${type}'`)).join(', ');
const replyChannel = `CASE e.type ${eventTypesWithOutcome('reply')
  .map((type) => `WHEN '${type}' THEN '${channelOfEventType(type)}'`)
  .join(' ')} END`;

/**
 * The summary as computed from scratch over the raw rows (touches × runs, events × the lead's latest non-holdout
 * run × its owner, SLA clocks), with no roll-up: what the fast path must equal, number for number.
 */
function scratchSummarySql(dimension: Dimension): string {
  const touch = {
    segment: 'r.segment_id',
    playbook: `r.playbook_id::text || ':v' || r.playbook_version`,
    rep: `t.sender->>'ownerId'`,
    channel: 't.channel',
  }[dimension];
  const event = {
    segment: 'r.segment_id',
    playbook: `r.playbook_id::text || ':v' || r.playbook_version`,
    rep: 'l.owner_id',
    channel: replyChannel,
  }[dimension];
  const clock = {
    segment: 'c.segment_id::text',
    playbook: `c.playbook_id::text || ':v' || c.playbook_version`,
    rep: 'c.rep_id',
    channel: 'c.channel',
  }[dimension];
  const breached = `(c.first_touch_at > c.due_at OR (c.first_touch_at IS NULL AND c.due_at < $3))`;
  return `
WITH clocks AS (
  SELECT ${clock} AS key, count(*)::int AS entries, count(c.first_touch_at)::int AS touched,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY c.ttft_ms) AS "ttftP50Ms", percentile_cont(0.9) WITHIN GROUP (ORDER BY c.ttft_ms) AS "ttftP90Ms",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY c.system_delay_ms) AS "systemDelayP50Ms", percentile_cont(0.5) WITHIN GROUP (ORDER BY c.human_delay_ms) AS "humanDelayP50Ms",
         count(*) FILTER (WHERE ${breached})::int AS breaches,
         count(*) FILTER (WHERE ${breached})::float8 / NULLIF(count(*) FILTER (WHERE c.first_touch_at IS NOT NULL OR c.due_at < $3), 0) AS "breachRate"
    FROM sla_clocks c WHERE c.entered_at >= $1 AND c.entered_at < $2 GROUP BY 1),
sent AS (
  SELECT ${touch} AS key, count(*)::int AS touches FROM touches t JOIN runs r ON r.id = t.run_id
   WHERE t.created_at >= $1 AND t.created_at < $2 AND t.status = 'sent' GROUP BY 1),
outcomes AS (
  SELECT ${event} AS key, count(*) FILTER (WHERE e.type IN (${typesOf('reply')}))::int AS replies,
         count(*) FILTER (WHERE e.type IN (${typesOf('meeting')}))::int AS meetings, count(*) FILTER (WHERE e.type IN (${typesOf('conversion')}))::int AS conversions
    FROM events e JOIN leads l ON l.id = e.lead_id
    JOIN (SELECT DISTINCT ON (lead_id) * FROM runs WHERE status <> 'heldOut' ORDER BY lead_id, started_at DESC) r ON r.lead_id = e.lead_id AND r.started_at <= e.occurred_at
   WHERE e.occurred_at >= $1 AND e.occurred_at < $2 AND e.type IN (${typesOf('reply', 'meeting', 'conversion')}) GROUP BY 1),
k AS (SELECT key FROM clocks UNION SELECT key FROM sent UNION SELECT key FROM outcomes)
SELECT k.key, COALESCE(c.entries, 0) AS entries, COALESCE(c.touched, 0) AS touched, c."ttftP50Ms", c."ttftP90Ms", c."systemDelayP50Ms", c."humanDelayP50Ms",
       COALESCE(c.breaches, 0) AS breaches, c."breachRate", COALESCE(s.touches, 0) AS touches, COALESCE(o.replies, 0) AS replies,
       COALESCE(o.meetings, 0) AS meetings, COALESCE(o.conversions, 0) AS conversions
  FROM k LEFT JOIN clocks c ON c.key IS NOT DISTINCT FROM k.key LEFT JOIN sent s ON s.key IS NOT DISTINCT FROM k.key
         LEFT JOIN outcomes o ON o.key IS NOT DISTINCT FROM k.key
 ORDER BY k.key`;
}

// The lift's outcome definition from scratch, per run (the fixture's versions have no goals: a conversion-class event
// such as a purchase converts).
const outcome = (types: string) =>
  `EXISTS (SELECT 1 FROM events e WHERE e.lead_id = r.lead_id AND e.occurred_at >= r.started_at AND ${types})`;
const arm = (held: string) =>
  `json_build_object('leads', count(*) FILTER (WHERE ${held}), 'conversions', count(*) FILTER (WHERE ${held} AND converted),
    'meetings', count(*) FILTER (WHERE ${held} AND met), 'replies', count(*) FILTER (WHERE ${held} AND replied))`;
const SCRATCH_LIFT_SQL = `
SELECT segment_id AS "segmentId", playbook_id AS "playbookId", ${arm("status <> 'heldOut'")} AS treated,
       ${arm("status = 'heldOut'")} AS holdout
  FROM (SELECT r.*, ${outcome(`e.type IN (${typesOf('conversion')})`)} AS converted,
               ${outcome(`e.type IN (${typesOf('meeting')})`)} AS met, ${outcome(`e.type IN (${typesOf('reply')})`)} AS replied
          FROM runs r WHERE r.started_at >= $1 AND r.started_at < $2) x
 GROUP BY 1, 2 ORDER BY 1, 2`;

/** An arm's counts back from its estimates. */
const countsOf = (arm: ArmEstimates) => ({
  leads: arm.leads,
  conversions: arm.conversions.count,
  meetings: arm.meetings.count,
  replies: arm.replies.count,
});

const byKey = (a: { key: string | null }, b: { key: string | null }) => String(a.key).localeCompare(String(b.key));

// A non-trivial fixture: three segments, two playbooks (one with two versions), three reps, three channels, touches
// and events spread over six days at all hours (so the partial days at the edges of a range matter), a breach, a
// holdout, a lead with a second run, page views that never count.
describe('dashboard roll-ups (fast path = from-scratch computation over the raw rows)', () => {
  let api: TestApi;
  let fx: SlaFixtures;
  let dashboards: DashboardsService;
  let reps: TestUser[];
  const now = new Date();
  const start = new Date(Math.floor(now.getTime() / DAY) * DAY - 6 * DAY);
  const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
  const leads: { id: string; runId: string; ownerId: string }[] = [];
  let hot: string;

  const ranges = () => [
    { name: 'whole days', from: new Date(start.getTime() - DAY), to: new Date(start.getTime() + 8 * DAY) },
    { name: 'instants inside days', from: at(30.5), to: at(100.25) },
    { name: 'less than a day', from: at(49.1), to: at(61.7) },
    { name: 'within one day', from: at(73.2), to: at(75.9) },
  ];

  async function expectSameNumbers(): Promise<void> {
    for (const range of ranges()) {
      for (const groupBy of DIMENSIONS) {
        const fast = await dashboards.summary({ groupBy, from: range.from, to: range.to }, now);
        const scratch = (await fx.db.query(scratchSummarySql(groupBy), [range.from, range.to, now])).rows;
        const comparable = fast.map(({ label: _label, ...numbers }) => numbers).sort(byKey);
        expect({ range: range.name, groupBy, rows: comparable }).toEqual({
          range: range.name,
          groupBy,
          rows: scratch.sort(byKey),
        });
      }
      const lift = (await dashboards.lift({ from: range.from, to: range.to })).map(
        ({ segmentId, playbookId, comparison }) => ({
          segmentId,
          playbookId,
          treated: countsOf(comparison.arm),
          holdout: countsOf(comparison.control),
        }),
      );
      const scratchLift = (await fx.db.query(SCRATCH_LIFT_SQL, [range.from, range.to])).rows;
      expect(
        [...lift].sort((a, b) => `${a.segmentId}${a.playbookId}`.localeCompare(`${b.segmentId}${b.playbookId}`)),
      ).toEqual(scratchLift);
    }
  }

  beforeAll(async () => {
    api = await startTestApi();
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    dashboards = api.app.get(DashboardsService);
    const manager = await api.createUser({ role: 'manager' });
    await api.request('POST', '/api/teams', { id: 'north', name: 'North', managerId: manager.id });
    reps = [];
    for (const name of ['Ana', 'Bo', 'Cy']) reps.push(await api.createUser({ role: 'rep', name, teamId: 'north' }));
    const segments = [await fx.segment('Hot'), await fx.segment('Warm'), await fx.segment('Cold')];
    hot = segments[0];
    for (const segmentId of segments)
      await api.request('POST', '/api/sla/policies', { segmentId, firstTouchWithinMinutes: 45, clock: 'wall' });
    const first = await fx.playbook('Nurture');
    const second = await fx.playbook('Close');
    const v2 = await fx.db.query(
      `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 2, '{}') RETURNING id`,
      [second.playbookId],
    );
    const channels = ['email', 'whatsapp', 'linkedin'];
    const outcomes = ['email_reply', 'page_view', 'demo_booked', 'whatsapp_reply', 'purchase', 'linkedin_reply'];
    for (let i = 0; i < 18; i += 1) {
      const owner = reps[i % 3];
      const leadId = await fx.lead({ ownerId: owner.id });
      const segmentId = segments[i % 3];
      const entered = at(i * 7);
      const membershipId = await fx.enter(leadId, segmentId, entered);
      const heldOut = i === 5;
      const playbook = i % 2 === 0 ? first : second;
      const runId = await fx.run({
        leadId,
        membershipId,
        segmentId,
        playbook,
        startedAt: at(i * 7 + 0.01),
        status: heldOut ? 'heldOut' : 'active',
      });
      if (playbook === second && i % 4 === 1)
        await fx.db.query(`UPDATE runs SET playbook_version = 2, playbook_version_id = $2 WHERE id = $1`, [
          runId,
          v2.rows[0].id,
        ]);
      leads.push({ id: leadId, runId, ownerId: owner.id });
      // The holdout converts anyway; lead 7 is never touched, so its clock breaches.
      if (heldOut) await fx.event(leadId, 'purchase', at(i * 7 + 5));
      if (heldOut || i === 7) continue;
      // A task done 10–78 minutes after entry (the 45-minute SLA breaches from lead 9 on), six touches, six events.
      await fx.task({
        leadId,
        runId,
        assigneeId: owner.id,
        createdAt: at(i * 7 + 0.02),
        closedAt: at(i * 7 + (10 + i * 4) / 60),
      });
      for (let k = 0; k < 6; k += 1) {
        await fx.touch({
          leadId,
          runId,
          channel: channels[(i + k) % 3],
          createdAt: at(i * 7 + k * 5.3 + 1),
          ownerId: reps[(i + k) % 3].id,
        });
        // One event before the run started (never counts), the rest after.
        await fx.event(leadId, outcomes[(i + k) % 6], at(i * 7 + (k === 0 ? -0.5 : k * 7.1)));
      }
    }
    await api.request('POST', '/api/sla/check');
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  it('returns exactly the numbers computed from scratch, for every dimension and range', async () => {
    const whole = await dashboards.summary({ groupBy: 'segment', from: ranges()[0].from, to: ranges()[0].to }, now);
    // The fixture exercises every measure (so equality is not trivially between empty results).
    expect(whole.find((r) => r.key === hot)).toMatchObject({ entries: 6 });
    expect(whole.reduce((n, r) => n + r.breaches, 0)).toBeGreaterThan(0);
    expect(whole.reduce((n, r) => n + r.touches, 0)).toBe(16 * 6);
    for (const measure of ['replies', 'meetings', 'conversions'] as const)
      expect(whole.reduce((n, r) => n + r[measure], 0)).toBeGreaterThan(0);
    await expectSameNumbers();
  });

  it('stays exact after a task is completed, a touch is replied to, a reassignment, a new run and a run held out', async () => {
    const untouched = leads[7];
    await fx.task({
      leadId: untouched.id,
      runId: untouched.runId,
      assigneeId: untouched.ownerId,
      createdAt: at(7 * 7 + 2),
      closedAt: at(7 * 7 + 3),
    });
    await api.request('POST', '/api/sla/check');
    await fx.event(leads[2].id, 'email_reply', at(2 * 7 + 2));
    await fx.db.query(`UPDATE leads SET owner_id = $2 WHERE id = $1`, [leads[4].id, reps[0].id]);
    // Lead 3 re-enters later with a new run: its earlier events no longer count (they came before that run).
    const lead3 = leads[3];
    await fx.db.query(`UPDATE runs SET status = 'exited' WHERE id = $1`, [lead3.runId]);
    const again = await fx.enter(lead3.id, hot, at(120));
    const playbook = (
      await fx.db.query(
        `SELECT playbook_id AS "playbookId", playbook_version_id AS "versionId" FROM runs WHERE id = $1`,
        [lead3.runId],
      )
    ).rows[0];
    await fx.run({ leadId: lead3.id, membershipId: again, segmentId: hot, playbook, startedAt: at(120) });
    await fx.event(lead3.id, 'purchase', at(121));
    await api.request('POST', '/api/sla/check');
    // A run that turns out held out, and one that completes (a status change the roll-up must ignore).
    await fx.db.query(`UPDATE runs SET status = 'heldOut' WHERE id = $1`, [leads[8].runId]);
    await fx.db.query(`UPDATE runs SET status = 'completed' WHERE id = $1`, [leads[9].runId]);
    await expectSameNumbers();
  });

  it('starts two runs of one lead in concurrent transactions: both commit and the roll-ups stay exact', async () => {
    const lead = leads[10];
    const [first, second] = [await fx.playbook('Concurrent A'), await fx.playbook('Concurrent B')];
    const clients = [new Client(api.config.DATABASE_URL), new Client(api.config.DATABASE_URL)];
    await Promise.all(clients.map((client) => client.connect()));
    try {
      const startRun = (client: Client, playbook: { playbookId: string; versionId: string }, hours: number) =>
        client.query(
          `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, segment_id, status, started_at)
           VALUES ($1, $2, $3, 1, $4, 'active', $5)`,
          [lead.id, playbook.playbookId, playbook.versionId, hot, at(hours)],
        );
      await Promise.all(clients.map((client) => client.query('BEGIN')));
      await startRun(clients[0], first, 150);
      // The second transaction's trigger waits for the first (it would have failed on the attribution's key).
      const secondStarted = startRun(clients[1], second, 151);
      await clients[0].query('COMMIT');
      await secondStarted;
      await clients[1].query('COMMIT');
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    await fx.event(lead.id, 'purchase', at(152));
    const attribution = await fx.db.query(`SELECT playbook_id FROM dashboard_lead_attribution WHERE lead_id = $1`, [
      lead.id,
    ]);
    expect(attribution.rows).toEqual([{ playbook_id: second.playbookId }]);
    await expectSameNumbers();
  });

  it('rebuilds from the raw rows to exactly the roll-ups the triggers maintained', async () => {
    const snapshot = async () => {
      const query = (table: string) =>
        fx.db.query(
          `SELECT * FROM ${table} WHERE ${table === 'dashboard_lead_attribution' ? 'true' : 'touches IS DISTINCT FROM 0'} ORDER BY 1, 2, 3, 4, 5, 6`,
        );
      const outcomes = await fx.db.query(
        `SELECT * FROM dashboard_outcome_days WHERE replies + meetings + conversions > 0 ORDER BY 1, 2, 3, 4, 5, 6`,
      );
      return {
        touches: (await query('dashboard_touch_days')).rows,
        outcomes: outcomes.rows,
        attribution: (await query('dashboard_lead_attribution')).rows,
      };
    };
    const maintained = await snapshot();
    expect(maintained.touches.length).toBeGreaterThan(10);
    await fx.db.query(`SELECT dashboard_rollups_rebuild()`);
    expect(await snapshot()).toEqual(maintained);
  });
});

// Question: how fast are the manager dashboard endpoints over 1M touches / 100k leads (100k segment entries with
// SLA clocks, 100k runs, 300k outcome events)? Each endpoint is called over HTTP (auth, validation, SQL in
// Postgres) sequentially; latency p50/p99 per endpoint. Baseline, in the same run on the same database: a plain
// `SELECT count(*) FROM touches` through one pg connection. `npm run bench dashboards` runs it (directly, after a
// build: `node bench/dashboards.bench.mjs` starts its own PostgreSQL unless SEGFLOW_BENCH_DATABASE_URL is set).
import { freePort } from '../tools/lib/ports.mjs';
import { ensureTemporalCli } from '../tools/lib/temporal-cli.mjs';
import { startTemporalDevServer } from '../tools/lib/temporal-server.mjs';
import { benchPostgres, createDatabase, percentile, startApi, withClient, writeResult } from './ingest-harness.mjs';

const LEADS = Number(process.env.BENCH_DASHBOARD_LEADS ?? 100_000);
// Every run but the 10% held out sends this many: 12 × 90k runs ≈ 1.08M touches at the default 100k leads.
const TOUCHES_PER_RUN = 12;
const CALLS = Number(process.env.BENCH_DASHBOARD_CALLS ?? 30);
const DAYS = 90;

const SEED_SQL = [
  `INSERT INTO teams (id, name) VALUES ('north', 'North'), ('south', 'South')`,
  `INSERT INTO reps (id, name, team_id) SELECT 'rep-' || i, 'Rep ' || i, CASE WHEN i % 2 = 0 THEN 'north' ELSE 'south' END FROM generate_series(1, 20) i`,
  `INSERT INTO segment_models (id, status, params) VALUES ('00000000-0000-0000-0000-000000000001', 'active', '{}')`,
  `INSERT INTO segments (id, name, description, colour) SELECT ('00000000-0000-0000-0001-' || lpad(i::text, 12, '0'))::uuid, 'Segment ' || i, '', '#888' FROM generate_series(1, 6) i`,
  `INSERT INTO playbooks (id, name, draft, status) SELECT ('00000000-0000-0000-0002-' || lpad(i::text, 12, '0'))::uuid, 'Playbook ' || i, '{}', 'active' FROM generate_series(1, 6) i`,
  `INSERT INTO playbook_versions (id, playbook_id, version, graph)
     SELECT ('00000000-0000-0000-0003-' || lpad((i * 10 + v)::text, 12, '0'))::uuid, ('00000000-0000-0000-0002-' || lpad(i::text, 12, '0'))::uuid, v, '{}'
       FROM generate_series(1, 6) i, generate_series(1, 2) v`,
  `INSERT INTO leads (id, external_id, name, owner_id)
     SELECT ('00000000-0000-0000-0004-' || lpad(i::text, 12, '0'))::uuid, 'lead-' || i, 'Lead ' || i, 'rep-' || (1 + i % 20) FROM generate_series(1, $1::int) i`,
  // One segment entry per lead, spread over the last DAYS days.
  `INSERT INTO segment_memberships (id, lead_id, segment_id, model_id, entered_at, enter_reason)
     SELECT ('00000000-0000-0000-0005-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-0000-0004-' || lpad(i::text, 12, '0'))::uuid,
            ('00000000-0000-0000-0001-' || lpad((1 + i % 6)::text, 12, '0'))::uuid, '00000000-0000-0000-0000-000000000001',
            now() - random() * interval '${DAYS} days', 'bench'
       FROM generate_series(1, $1::int) i`,
  `INSERT INTO runs (id, lead_id, playbook_id, playbook_version_id, playbook_version, segment_id, membership_id, status, started_at)
     SELECT ('00000000-0000-0000-0006-' || lpad(i::text, 12, '0'))::uuid, m.lead_id, ('00000000-0000-0000-0002-' || lpad((1 + i % 6)::text, 12, '0'))::uuid,
            ('00000000-0000-0000-0003-' || lpad(((1 + i % 6) * 10 + 1 + i % 2)::text, 12, '0'))::uuid, 1 + i % 2, m.segment_id::text, m.id::text,
            CASE WHEN i % 10 = 0 THEN 'heldOut' WHEN i % 7 = 0 THEN 'converted' ELSE 'completed' END, m.entered_at + interval '2 seconds'
       FROM generate_series(1, $1::int) i JOIN segment_memberships m ON m.id = ('00000000-0000-0000-0005-' || lpad(i::text, 12, '0'))::uuid`,
  `INSERT INTO touches (run_id, lead_id, node_id, visit, channel, body, sender, status, created_at)
     SELECT r.id, r.lead_id, 'send-' || k, 1, (ARRAY['email', 'whatsapp', 'linkedin'])[1 + k % 3], 'hi',
            jsonb_build_object('kind', 'owner', 'ownerId', 'rep-' || (1 + abs(hashtext(r.lead_id::text)) % 20), 'name', 'x', 'address', null), 'sent',
            r.started_at + (k || ' hours')::interval
       FROM runs r CROSS JOIN generate_series(1, ${TOUCHES_PER_RUN}) k WHERE r.status <> 'heldOut'`,
  // The first-touch clock of every entry, as the SLA monitor records it (TTFT 1–120 min, due after 30). The lateral
  // subquery refers to m so random() runs per row (uncorrelated, it ran once: every TTFT equal, percentiles trivial).
  `INSERT INTO sla_clocks (membership_id, lead_id, segment_id, playbook_id, playbook_version, run_id, entered_at, due_at, first_touch_at, first_touch_kind, channel, rep_id, ttft_ms, system_delay_ms, human_delay_ms)
     SELECT m.id, m.lead_id, m.segment_id, r.playbook_id, r.playbook_version, r.id, m.entered_at, m.entered_at + interval '30 minutes',
            m.entered_at + x.ttft * interval '1 millisecond', 'task', 'call', 'rep-' || (1 + abs(hashtext(m.lead_id::text)) % 20), x.ttft, 2000, x.ttft - 2000
       FROM segment_memberships m JOIN runs r ON r.membership_id = m.id::text AND r.status <> 'heldOut'
       CROSS JOIN LATERAL (SELECT (60000 + random() * 7140000)::float8 AS ttft WHERE m.id IS NOT NULL) x`,
  `INSERT INTO events (event_id, lead_id, type, occurred_at)
     SELECT 'ev-' || i || '-' || j, ('00000000-0000-0000-0004-' || lpad(i::text, 12, '0'))::uuid,
            (ARRAY['email_reply', 'page_view', 'demo_booked', 'whatsapp_reply', 'purchase', 'page_view'])[1 + (i + j) % 6],
            now() - random() * interval '${DAYS} days'
       FROM generate_series(1, $1::int) i, generate_series(1, 3) j`,
];

async function seed(databaseUrl) {
  await withClient(databaseUrl, async (db) => {
    for (const sql of SEED_SQL) {
      const started = performance.now();
      await db.query(sql, sql.includes('$1') ? [LEADS] : []);
      process.stderr.write(
        `seeded in ${Math.round(performance.now() - started)} ms: ${sql.trim().slice(0, 60).replace(/\s+/g, ' ')}…\n`,
      );
    }
    await db.query('VACUUM ANALYZE');
  });
}

async function time(calls, fn) {
  for (let i = 0; i < 3; i += 1) await fn();
  const latencies = [];
  for (let i = 0; i < calls; i += 1) {
    const started = performance.now();
    await fn();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const round = (v) => Math.round(v * 10) / 10;
  return { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) };
}

async function main() {
  const { adminUrl, stop: stopPg } = await benchPostgres();
  // The API reports healthy only with Temporal reachable; the dashboards themselves never call it.
  let temporalAddress = process.env.SEGFLOW_BENCH_TEMPORAL_ADDRESS;
  let stopTemporal = async () => {};
  if (!temporalAddress) {
    const temporal = await startTemporalDevServer({ cli: await ensureTemporalCli(), port: await freePort() });
    temporalAddress = temporal.address;
    stopTemporal = temporal.stop;
  }
  const databaseUrl = await createDatabase(adminUrl, 'bench_dashboards');
  const api = await startApi({
    databaseUrl,
    temporalAddress,
    env: { SLA_CHECK_INTERVAL_MS: '3600000', OUTBOX_POLL_MS: '60000' },
  });
  try {
    await seed(databaseUrl);
    const range = `from=${new Date(Date.now() - DAYS * 86_400_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
    const endpoints = {
      'summary by segment': `/api/dashboards/summary?groupBy=segment&${range}`,
      'summary by playbook': `/api/dashboards/summary?groupBy=playbook&${range}`,
      'summary by rep': `/api/dashboards/summary?groupBy=rep&${range}`,
      'summary by channel': `/api/dashboards/summary?groupBy=channel&${range}`,
      'trend per day': `/api/dashboards/trend?bucket=day&${range}`,
      'drill-down (500 leads)': `/api/dashboards/leads?groupBy=segment&key=00000000-0000-0000-0001-000000000001&${range}`,
      lift: `/api/dashboards/lift?${range}`,
      'summary CSV': `/api/dashboards/summary.csv?groupBy=rep&${range}`,
    };
    const results = {};
    for (const [name, path] of Object.entries(endpoints)) {
      results[name] = await time(CALLS, async () => {
        const response = await fetch(`${api.url}${path}`, { headers: api.headers });
        if (response.status !== 200)
          throw new Error(`${path} → ${response.status}: ${(await response.text()).slice(0, 200)}`);
        await response.arrayBuffer();
      });
      process.stderr.write(`${name}: p50 ${results[name].p50} ms, p99 ${results[name].p99} ms\n`);
    }
    const countTouches = await withClient(databaseUrl, (db) =>
      time(CALLS, () => db.query('SELECT count(*) FROM touches')),
    );
    const counts = await withClient(
      databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT (SELECT count(*) FROM touches)::int AS touches, (SELECT count(*) FROM leads)::int AS leads, (SELECT count(*) FROM events)::int AS events`,
          )
        ).rows[0],
    );
    const worst = Object.entries(results).sort((a, b) => b[1].p50 - a[1].p50)[0];
    writeResult('dashboards', {
      figure: worst[1].p50,
      baseline: countTouches.p50,
      unit: `ms p50 of the slowest endpoint (${worst[0]})`,
      details: {
        endpoints: Object.fromEntries(
          Object.entries(results).map(([name, r]) => [
            name,
            { ...r, ratioP50: Math.round((r.p50 / countTouches.p50) * 100) / 100 },
          ]),
        ),
        baselineCountStar: countTouches,
        data: counts,
        calls: CALLS,
        note: 'each endpoint over HTTP (API child process, session auth) sequentially after 3 warm-ups; baseline: SELECT count(*) FROM touches via one pg connection, same database, same run',
      },
    });
  } finally {
    await api.stop();
    await stopTemporal();
    await stopPg();
  }
}

main().catch((error) => {
  process.stderr.write(`bench dashboards failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});

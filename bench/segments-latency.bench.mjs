// Question: at ~1k events/s, how long from an event's arrival to its segment decision (features updated, nearest
// active centroid with hysteresis, membership + outbox rows committed)? The decision is committed before
// POST /api/events answers, so the request's latency is the decision latency. Baseline, in the same run and at the
// same rate: a bare single-row INSERT of the same event into a table with the same indexes.
import {
  settleBeforeTiming,
  benchServices,
  chunk,
  createDatabase,
  openLoop,
  require,
  startApi,
  summary,
  withClient,
  writeResult,
} from './ingest-harness.mjs';

const { generateDemoPopulation } = require('@segflow/scoring/testing');
const pg = require('pg');
const RATE = Number(process.env.BENCH_LATENCY_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 20);
// Untimed traffic at the same rate first: the API's pool opens its connections on demand and V8 optimises the
// small-request path only once it runs, so the first second measures start-up, not the steady state.
const WARMUP_SECONDS = Number(process.env.BENCH_LATENCY_WARMUP_SECONDS ?? 2);
// Events per request: 1 is the worst case (a webhook per event); senders usually batch a little.
const PER_REQUEST = Number(process.env.BENCH_LATENCY_EVENTS_PER_REQUEST ?? 10);
const LEADS = 5_000;

async function main() {
  const { adminUrl, temporalAddress } = benchServices();
  const databaseUrl = await createDatabase(adminUrl, 'bench_latency');
  const api = await startApi({ databaseUrl, temporalAddress });
  try {
    const now = new Date();
    const population = generateDemoPopulation({
      leads: LEADS,
      seed: 3,
      now: new Date(now.getTime() - 10 * 86_400_000),
    });
    for (const leads of chunk(population.leads, 1_000)) await api.request('POST', '/api/leads', { leads });
    for (const events of chunk(population.events, 5_000)) await api.request('POST', '/api/events', { events });
    const model = await api.request('POST', '/api/segments/retrain', { k: 5, seed: 3 });
    const settled = await settleBeforeTiming({ api, modelId: model.id, databaseUrl, temporalAddress });

    const [warmCount, count] = [RATE * WARMUP_SECONDS, RATE * SECONDS];
    const generated = generateDemoPopulation({ leads: LEADS, seed: 4, now }).events.map((e) => ({
      ...e,
      eventId: `live-${e.eventId}`,
    }));
    if (generated.length < warmCount + count) throw new Error(`only ${generated.length} live events generated`);
    const post = (events) => (i) =>
      api.request('POST', '/api/events', { events: events.slice(i * PER_REQUEST, (i + 1) * PER_REQUEST) });
    await openLoop(warmCount / PER_REQUEST, RATE / PER_REQUEST, post(generated.slice(0, warmCount)));
    const live = generated.slice(warmCount, warmCount + count);
    const decided = await openLoop(count / PER_REQUEST, RATE / PER_REQUEST, post(live));

    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    await pool.query(`CREATE TABLE events_copy (LIKE events INCLUDING ALL)`);
    const leadIds = new Map(
      (await pool.query(`SELECT external_id, id FROM leads`)).rows.map((r) => [r.external_id, r.id]),
    );
    const insert = (events) => (i) => {
      const { eventId, leadExternalId, type, occurredAt, ...data } = events[i];
      return pool.query(
        `INSERT INTO events_copy (event_id, lead_id, type, occurred_at, data) VALUES ($1, $2, $3, $4, $5)`,
        [eventId, leadIds.get(leadExternalId), type, occurredAt, data],
      );
    };
    await openLoop(warmCount, RATE, insert(generated.slice(0, warmCount)));
    const inserted = await openLoop(count, RATE, insert(live));
    await pool.end();
    const [decisions, inserts] = [summary(decided.latencies), summary(inserted.latencies)];
    const changes = await withClient(
      databaseUrl,
      async (c) =>
        (await c.query(`SELECT count(*)::int AS n FROM segment_memberships WHERE enter_reason = 'event'`)).rows[0].n,
    );
    writeResult('segments-latency', {
      figure: decisions.p99,
      baseline: inserts.p99,
      unit: 'ms p99',
      details: {
        decision: {
          p50: decisions.p50,
          p99: decisions.p99,
          max: decisions.max,
          achievedEventsPerSecond: Math.round(decided.achievedRate * PER_REQUEST),
          failed: decided.failed,
        },
        bareInsert: {
          p50: inserts.p50,
          p99: inserts.p99,
          max: inserts.max,
          achievedEventsPerSecond: Math.round(inserted.achievedRate),
          failed: inserted.failed,
        },
        ...settled,
        rate: RATE,
        eventsPerRequest: PER_REQUEST,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        leads: LEADS,
        segmentChangesByEvents: changes,
        note: 'eventsPerRequest events per POST /api/events over HTTP (auth, validation, group commit, features, assignment, outbox), timed for `seconds` after `warmupSeconds` of untimed traffic at the same rate; baseline: one-row INSERT via a 10-connection pg pool at the same rate',
      },
    });
  } finally {
    await api.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});

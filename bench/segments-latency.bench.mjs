// Question: at ~1k events/s, how long from an event's arrival to its segment decision (features updated, nearest
// active centroid with hysteresis, membership + outbox rows committed)? The decision is committed before
// POST /api/events answers, so the request's latency is the decision latency. Baseline, in the same run and at the
// same rate: a bare single-row INSERT of the same event into a table with the same indexes.
import { waitForActiveModel, waitForTemporalIdle, waitForOutboxDrained, benchServices, chunk, createDatabase, percentile, require, startApi, withClient, writeResult } from './ingest-harness.mjs';

const { generateDemoPopulation } = require('@segflow/scoring/testing');
const pg = require('pg');
const RATE = Number(process.env.BENCH_LATENCY_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
// Events per request: 1 is the worst case (a webhook per event); senders usually batch a little.
const PER_REQUEST = Number(process.env.BENCH_LATENCY_EVENTS_PER_REQUEST ?? 10);
const LEADS = 5_000;

// Open loop: each event is sent at its scheduled time whether or not earlier ones have answered.
async function openLoop(count, rate, send) {
  const latencies = [];
  const errors = [];
  const started = performance.now();
  const inflight = [];
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(send(i).then(() => latencies.push(performance.now() - due), (error) => errors.push(String(error.cause ?? error))));
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  if (errors.length) process.stderr.write(`${errors.length} failed, first: ${errors[0]}\n`);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1), achievedRate: latencies.length / seconds, failed: errors.length };
}

const round = (x) => Math.round(x * 10) / 10;

async function main() {
  const { adminUrl, temporalAddress } = benchServices();
  const databaseUrl = await createDatabase(adminUrl, 'bench_latency');
  const api = await startApi({ databaseUrl, temporalAddress });
  try {
    const now = new Date();
    const population = generateDemoPopulation({ leads: LEADS, seed: 3, now: new Date(now.getTime() - 10 * 86_400_000) });
    for (const leads of chunk(population.leads, 1_000)) await api.request('POST', '/api/leads', { leads });
    for (const events of chunk(population.events, 5_000)) await api.request('POST', '/api/events', { events });
    const model = await api.request('POST', '/api/segments/retrain', { k: 5, seed: 3 });
    await waitForActiveModel(api, model.id);

    const backlog = await waitForOutboxDrained(databaseUrl);
    const temporalSettleMs = await waitForTemporalIdle(temporalAddress);
    const count = RATE * SECONDS;
    const live = generateDemoPopulation({ leads: LEADS, seed: 4, now }).events.slice(0, count).map((e) => ({ ...e, eventId: `live-${e.eventId}` }));
    if (live.length < count) throw new Error(`only ${live.length} live events generated`);
    const decisions = await openLoop(count / PER_REQUEST, RATE / PER_REQUEST, (i) => api.request('POST', '/api/events', { events: live.slice(i * PER_REQUEST, (i + 1) * PER_REQUEST) }));

    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    await pool.query(`CREATE TABLE events_copy (LIKE events INCLUDING ALL)`);
    const leadIds = new Map((await pool.query(`SELECT external_id, id FROM leads`)).rows.map((r) => [r.external_id, r.id]));
    const inserts = await openLoop(count, RATE, (i) => {
      const { eventId, leadExternalId, type, occurredAt, ...data } = live[i];
      return pool.query(`INSERT INTO events_copy (event_id, lead_id, type, occurred_at, data) VALUES ($1, $2, $3, $4, $5)`, [eventId, leadIds.get(leadExternalId), type, occurredAt, data]);
    });
    await pool.end();
    const changes = await withClient(databaseUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM segment_memberships WHERE enter_reason = 'event'`)).rows[0].n);
    writeResult('segments-latency', {
      figure: round(decisions.p99), baseline: round(inserts.p99), unit: 'ms p99',
      details: {
        decision: { p50: round(decisions.p50), p99: round(decisions.p99), max: round(decisions.max), achievedEventsPerSecond: Math.round(decisions.achievedRate * PER_REQUEST), failed: decisions.failed },
        bareInsert: { p50: round(inserts.p50), p99: round(inserts.p99), max: round(inserts.max), achievedEventsPerSecond: Math.round(inserts.achievedRate), failed: inserts.failed },
        outboxBacklogAtStart: backlog, temporalSettleMs, rate: RATE, eventsPerRequest: PER_REQUEST, seconds: SECONDS, leads: LEADS, segmentChangesByEvents: changes,
        note: 'eventsPerRequest events per POST /api/events over HTTP (auth, validation, group commit, features, assignment, outbox); baseline: one-row INSERT via a 10-connection pg pool at the same rate',
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

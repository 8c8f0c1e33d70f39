// Question: how many events/s does POST /api/events take with scoring on (validation, idempotent insert, feature
// update, real-time segment assignment against an active model, outbox rows), versus a raw COPY of the same rows?
import {
  settleBeforeTiming,
  benchServices,
  chunk,
  copyCsv,
  createDatabase,
  csvField,
  measureCpu,
  require,
  startApi,
  withClient,
  writeResult,
} from './ingest-harness.mjs';

const { generateDemoPopulation } = require('@segflow/scoring/testing');
const LEADS = Number(process.env.BENCH_INGEST_LEADS ?? 10_000);
const BATCH = 5_000;
const CONCURRENCY = 2;

const renamed = (events, prefix) => events.map((e) => ({ ...e, eventId: `${prefix}${e.eventId}` }));

async function postAll(api, events) {
  const batches = chunk(events, BATCH);
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const result = await api.request('POST', '/api/events', { events: batch });
        if (result.rejected)
          throw new Error(`rejected items: ${JSON.stringify(result.results.find((r) => r.status === 'rejected'))}`);
        accepted += result.accepted;
      }
    }),
  );
  return { ms: performance.now() - started, accepted };
}

async function main() {
  const { adminUrl, temporalAddress } = benchServices();
  const databaseUrl = await createDatabase(adminUrl, 'bench_ingest');
  const api = await startApi({ databaseUrl, temporalAddress });
  try {
    const now = new Date();
    const history = generateDemoPopulation({ leads: LEADS, seed: 1, now: new Date(now.getTime() - 20 * 86_400_000) });
    const fresh = generateDemoPopulation({ leads: LEADS, seed: 2, now });
    for (const leads of chunk(history.leads, 1_000)) await api.request('POST', '/api/leads', { leads });
    // Untimed: a history and a first model, so the timed ingest re-scores leads that have features and segments.
    await postAll(api, renamed(history.events, 'h-'));
    const model = await api.request('POST', '/api/segments/retrain', { k: 5, seed: 1 });
    const settled = await settleBeforeTiming({ api, modelId: model.id, databaseUrl, temporalAddress });

    const events = renamed(fresh.events, 'f-');
    const { result: timed, cpu } = await measureCpu(api.pid, databaseUrl, () => postAll(api, events));
    const eventsPerSecond = (timed.accepted / timed.ms) * 1000;

    // Baseline: the same rows COPYed raw into a table with the same columns and indexes (no FK, no scoring).
    const leadIds = await withClient(databaseUrl, async (client) => {
      await client.query(`CREATE TABLE events_copy (LIKE events INCLUDING ALL)`);
      return new Map((await client.query(`SELECT external_id, id FROM leads`)).rows.map((r) => [r.external_id, r.id]));
    });
    const csv =
      events
        .map((e) => {
          const { eventId, leadExternalId, type, occurredAt, ...data } = e;
          return [`c-${eventId}`, leadIds.get(leadExternalId), type, occurredAt, JSON.stringify(data)]
            .map(csvField)
            .join(',');
        })
        .join('\n') + '\n';
    const copyMs = copyCsv(databaseUrl, 'events_copy', ['event_id', 'lead_id', 'type', 'occurred_at', 'data'], csv);
    const copyPerSecond = (events.length / copyMs) * 1000;
    const outbox = await withClient(
      databaseUrl,
      async (c) => (await c.query(`SELECT kind, count(*)::int AS n FROM outbox GROUP BY kind`)).rows,
    );
    writeResult('ingest', {
      figure: Math.round(eventsPerSecond),
      baseline: Math.round(copyPerSecond),
      unit: 'events/s',
      details: {
        ...settled,
        events: timed.accepted,
        leads: LEADS,
        batch: BATCH,
        concurrency: CONCURRENCY,
        apiMs: Math.round(timed.ms),
        copyMs: Math.round(copyMs),
        cpu,
        outbox,
        note: 'figure: POST /api/events over HTTP with scoring + real-time assignment (active k=5 model, no playbook bound, so segment changes write no outbox rows); baseline: psql COPY of the same rows into a table with the same indexes',
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

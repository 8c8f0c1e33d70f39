// Question: at 100k leads, how long does approving a retrained model take (every lead re-assigned with hysteresis,
// memberships closed/opened and their outbox rows written, in a worker thread), how long is ingest held up by it (it
// waits on the model lock for the final step), and does the API's event loop stay responsive meanwhile? Baseline, in the
// same run: the bare set-based write of as many memberships and outbox rows, server-side, into copies of the tables.
import {
  benchServices,
  createDatabase,
  percentile,
  require,
  seedLeadsByCopy,
  startApi,
  waitForOutboxDrained,
  withClient,
  writeResult,
} from './ingest-harness.mjs';

const { generateDemoPopulation } = require('@segflow/scoring/testing');
const LEADS = Number(process.env.BENCH_APPROVAL_LEADS ?? 100_000);
const round = (x) => Math.round(x);

// Leads and their feature states go in by COPY: the question is approval, and 100k leads through the API would start
// 100k intake workflows first.
async function seedLeads(databaseUrl, now) {
  const population = generateDemoPopulation({ leads: LEADS, seed: 5, now });
  await seedLeadsByCopy(databaseUrl, population, now);
  return population;
}

// Retrains and polls until the model reaches `status` (a first model passes through candidate to active).
async function trained(api, body, status) {
  const started = performance.now();
  const model = await api.request('POST', '/api/segments/retrain', body);
  for (;;) {
    const current = await api.request('GET', `/api/segment-models/${model.id}`);
    if (current.status === 'failed') throw new Error(`retrain failed: ${current.error}`);
    if (current.status === status) return { model: current, ms: performance.now() - started };
    await new Promise((r) => setTimeout(r, 250));
  }
}

// Sequential requests until `until` resolves: the largest latency is how long a caller was held up.
async function probe(until, send) {
  const latencies = [];
  let done = false;
  void until.finally(() => (done = true));
  for (let i = 0; !done; i += 1) {
    const started = performance.now();
    await send(i);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, p50: round(percentile(latencies, 50)), max: round(latencies.at(-1) ?? 0) };
}

async function bareWrite(databaseUrl, count) {
  return withClient(databaseUrl, async (c) => {
    await c.query(
      `CREATE TABLE memberships_copy (LIKE segment_memberships INCLUDING ALL); CREATE TABLE outbox_copy (LIKE outbox INCLUDING ALL)`,
    );
    const started = performance.now();
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO memberships_copy (id, lead_id, segment_id, model_id, entered_at, enter_reason)
       SELECT gen_random_uuid(), m.lead_id, m.segment_id, m.model_id, now(), 'bench' FROM segment_memberships m LIMIT $1`,
      [count],
    );
    await c.query(
      `INSERT INTO outbox_copy (kind, payload) SELECT 'segment_entered', jsonb_build_object('leadId', lead_id, 'membershipId', id) FROM memberships_copy`,
    );
    await c.query(
      `INSERT INTO outbox_copy (kind, payload) SELECT 'segment_left', jsonb_build_object('leadId', lead_id, 'membershipId', id) FROM memberships_copy`,
    );
    await c.query('COMMIT');
    return performance.now() - started;
  });
}

async function main() {
  const { adminUrl, temporalAddress } = benchServices();
  const databaseUrl = await createDatabase(adminUrl, 'bench_approval');
  const api = await startApi({ databaseUrl, temporalAddress });
  try {
    const now = new Date();
    const population = await seedLeads(databaseUrl, now);
    const first = await trained(api, { k: 5, seed: 5 }, 'active');
    const backlog = await waitForOutboxDrained(databaseUrl, 60_000);
    // A cold retrain with another k moves many leads: the heavy case for approval.
    const candidate = await trained(api, { k: 6, seed: 9 }, 'candidate');

    const approval = (async () => {
      const started = performance.now();
      const approved = await api.request('POST', `/api/segment-models/${candidate.model.id}/approve`, {});
      return { ms: performance.now() - started, reassigned: approved.reassigned };
    })();
    const live = population.events.slice(0, 50_000);
    const [approved, health, ingest] = await Promise.all([
      approval,
      probe(approval, () => api.request('GET', '/api/health')),
      probe(approval, (i) =>
        api.request('POST', '/api/events', {
          events: live
            .slice(i * 10, i * 10 + 10)
            .map((e, j) => ({ ...e, eventId: `probe-${i}-${j}`, occurredAt: new Date().toISOString() })),
        }),
      ),
    ]);
    const bareMs = await bareWrite(databaseUrl, approved.reassigned);
    writeResult('segments-approval', {
      figure: round(approved.ms),
      baseline: round(bareMs),
      unit: `ms (approve at ${LEADS / 1000}k leads vs bare set-based write of its rows)`,
      details: {
        leads: LEADS,
        reassigned: approved.reassigned,
        approveMs: round(approved.ms),
        bareWriteMs: round(bareMs),
        ingestHeldUpMs: ingest.max,
        ingestDuringApproval: ingest,
        eventLoop: {
          healthDuringApproval: health,
          note: 'GET /api/health (a DB ping and a Temporal check) in a loop: max ≈ the longest the event loop was unavailable',
        },
        firstModel: { trainAndActivateMs: round(first.ms), memberships: LEADS },
        candidateTrainMs: round(candidate.ms),
        outboxBacklogBeforeApproval: backlog,
        note: 'activation runs in a worker thread: every lead is scored in a read-only snapshot without the lock, then the model lock is held exclusively only to re-score leads written since, read memberships and write the changes; ingestHeldUpMs is bounded by that final step',
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

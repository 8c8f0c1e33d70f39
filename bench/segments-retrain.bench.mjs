// Question: how long does a retrain of 100k leads take, warm-started from the active model and cold (seeded
// k-means++), versus a bare `ml-kmeans` call on the same standardised matrix, in the same run? "Retrain" is libs/scoring
// buildSegmentModel, the code the API's worker thread runs after reading the leads: standardise, k-means (ml-kmeans),
// Hungarian id matching, then one pass over the leads for the hysteresis reassignment preview, inertia, Davies–Bouldin
// and the moved-leads table (stability and adjusted Rand index read off it), plus silhouette on a sample. The bare call
// is the floor: k-means alone, same k, seed, iteration cap and starting centroids.
// The figure is the warm retrain in-process (median of three). The same warm retrain is then run as the API runs it —
// its worker thread reading the 100k leads, features and memberships from Postgres (binary COPY, decoded as it
// arrives) — three times, in a child process that holds nothing else, and reported per stage
// with that process's peak RSS, so what reading the data costs on top is visible, not hidden in (or left out of)
// the figure.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  benchServices,
  copyCsv,
  createDatabase,
  csvField,
  migrateDatabase,
  require,
  root,
  seedLeadsByCopy,
  withClient,
  writeResult,
} from './ingest-harness.mjs';

const scoring = require('@segflow/scoring');
const { buildSegmentModel } = require('@segflow/scoring/training');
const { generateDemoPopulation } = require('@segflow/scoring/testing');
// ml-kmeans ships ES modules only; Node ≥ 20.19 can require() them.
const { kmeans } = require('ml-kmeans');

const LEADS = Number(process.env.BENCH_RETRAIN_LEADS ?? 100_000);
const K = 5;
const common = { maxDistance: 1.5, margin: 0.1, seed: 5 };
const ratio = (a, b) => Math.round((a / b) * 1000) / 1000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Time per phase from progress reports: each phase lasts until the next one starts (the last one until the end).
function stagesOf(marks, ended) {
  return Object.fromEntries(marks.map((m, i) => [m.phase, Math.round((marks[i + 1]?.at ?? ended) - m.at)]));
}

function timed(fn) {
  const marks = [];
  const started = performance.now();
  const result = fn((phase) => marks.push({ phase, at: performance.now() }));
  const ended = performance.now();
  return { ms: Math.round(ended - started), result, stages: stagesOf(marks, ended) };
}

function vectorsOf(population, states, now) {
  return population.leads.map((lead) => scoring.featureVector(states.get(lead.externalId), lead, now));
}

function inProcess(vectors) {
  const freshIds = Array.from({ length: 32 }, () => randomUUID());
  const cold = timed((onProgress) =>
    buildSegmentModel({
      vectors,
      current: vectors.map(() => null),
      active: null,
      k: K,
      freshIds,
      onProgress,
      ...common,
    }),
  );
  const active = {
    standardizer: cold.result.standardizer,
    centroids: cold.result.segments.map(({ id, centroid }) => ({ id, centroid })),
  };
  const warmRuns = [6, 7, 8].map((seed) =>
    timed((onProgress) =>
      buildSegmentModel({ vectors, current: cold.result.assignments, active, freshIds, onProgress, ...common, seed }),
    ),
  );
  const choose = timed(() =>
    buildSegmentModel({ vectors, current: vectors.map(() => null), active: null, kRange: [3, 8], freshIds, ...common }),
  );
  const rows = vectors.map((v) => scoring.standardize(v, cold.result.standardizer));
  const bareCold = timed(() => kmeans(rows, K, { initialization: 'kmeans++', seed: 5, maxIterations: 100 }));
  const bareWarm = [0, 1, 2].map(() =>
    timed(() => kmeans(rows, K, { initialization: active.centroids.map((c) => [...c.centroid]), maxIterations: 100 })),
  );
  return { cold, active, warmRuns, choose, bareCold, bareWarm, freshIds };
}

// The first model, written as approval would leave it: active, with one open membership per lead (by COPY).
async function storeActiveModel(databaseUrl, population, idOf, cold) {
  const modelId = randomUUID();
  await withClient(databaseUrl, async (c) => {
    await c.query(`INSERT INTO segment_models (id, status, params, standardizer) VALUES ($1, 'active', '{}', $2)`, [
      modelId,
      JSON.stringify(cold.standardizer),
    ]);
    await c.query(
      `INSERT INTO segments (id, name, description, colour) SELECT id, 'bench', 'bench', '#888888' FROM unnest($1::uuid[]) AS id`,
      [cold.segments.map((s) => s.id)],
    );
  });
  const csv = population.leads
    .map((lead, i) =>
      [randomUUID(), idOf.get(lead.externalId), cold.assignments[i], modelId, new Date().toISOString(), 'bench']
        .map(csvField)
        .join(','),
    )
    .join('\n');
  copyCsv(
    databaseUrl,
    'segment_memberships',
    ['id', 'lead_id', 'segment_id', 'model_id', 'entered_at', 'enter_reason'],
    csv,
  );
  await withClient(databaseUrl, (c) => c.query('ANALYZE'));
}

// The warm retrain exactly as POST /api/segments/retrain runs it (runRetrain: its query, its worker thread), stage by
// stage: 'thread start' lasts until the worker has started the query and loaded the training code (Postgres joins
// and sorts meanwhile), 'loading' until the last lead is decoded into its vector.
async function viaApiRetrain(databaseUrl, active, now) {
  const { runRetrain } = require(join(root, 'apps/api/dist/segments/run-retrain.js'));
  const job = {
    now: now.toISOString(),
    ...common,
    seed: 6,
    active,
    freshIds: Array.from({ length: 32 }, () => randomUUID()),
    // As the API's defaults; the bench's memberships all opened just now, so the propensity phase finds no closed entry.
    propensity: {
      label: { goalEventType: 'purchase', horizonDays: 30 },
      calibration: 'platt',
      maxEntries: 20_000,
      featureOptions: {},
    },
  };
  const marks = [{ phase: 'thread start', at: performance.now() }];
  const result = await runRetrain(databaseUrl, job, (phase) => marks.push({ phase, at: performance.now() }));
  const ended = performance.now();
  return {
    ms: Math.round(ended - marks[0].at),
    stages: stagesOf(marks, ended),
    leadCount: result.leadCount,
    stability: result.metrics.stability,
  };
}

// Three API retrains in a child process of their own: its peak RSS is the retrain's, not the generated population's.
function viaApiRetrainInChild(databaseUrl, active, now) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--api-retrain'], {
    input: JSON.stringify({ databaseUrl, active, now: now.toISOString() }),
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`API retrain child failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

async function apiRetrainChild() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { databaseUrl, active, now } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const rssBeforeMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await viaApiRetrain(databaseUrl, active, new Date(now)));
  process.stdout.write(
    JSON.stringify({ runs, rssBeforeMb, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
  );
}

async function main() {
  const { adminUrl, temporalAddress } = benchServices();
  const now = new Date();
  const population = generateDemoPopulation({ leads: LEADS, seed: 5, now });
  const databaseUrl = await createDatabase(adminUrl, 'bench_retrain');
  migrateDatabase({
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    SEGFLOW_ADMIN_EMAIL: 'bench@segflow.local',
    SEGFLOW_ADMIN_PASSWORD: 'bench-password-1',
  });
  const { states, idOf } = await seedLeadsByCopy(databaseUrl, population, now);
  const vectors = vectorsOf(population, states, now);
  const rssBefore = process.memoryUsage().rss;
  const run = inProcess(vectors);
  const peakInProcessMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await storeActiveModel(databaseUrl, population, idOf, run.cold.result);
  const api = viaApiRetrainInChild(databaseUrl, run.active, now);
  const apiMs = median(api.runs.map((r) => r.ms));
  const apiRun = api.runs.find((r) => r.ms === apiMs);

  const warmMs = median(run.warmRuns.map((r) => r.ms));
  const bareWarmMs = median(run.bareWarm.map((r) => r.ms));
  const warm = run.warmRuns[0].result;
  writeResult('segments-retrain', {
    figure: warmMs,
    baseline: bareWarmMs,
    unit: `ms (${LEADS / 1000}k leads, warm retrain vs bare ml-kmeans from the same centroids)`,
    details: {
      leads: LEADS,
      k: K,
      warm: {
        ms: warmMs,
        runsMs: run.warmRuns.map((r) => r.ms),
        stagesMs: run.warmRuns[0].stages,
        bareMlKmeansMs: bareWarmMs,
        bareRunsMs: run.bareWarm.map((r) => r.ms),
        iterations: warm.metrics.iterations,
        keptShare: warm.metrics.stability?.keptShare,
        adjustedRand: warm.metrics.stability?.adjustedRand,
      },
      cold: {
        ms: run.cold.ms,
        stagesMs: run.cold.stages,
        bareMlKmeansMs: run.bareCold.ms,
        ratio: ratio(run.cold.ms, run.bareCold.ms),
        iterations: run.cold.result.metrics.iterations,
        silhouette: run.cold.result.metrics.silhouette,
        daviesBouldin: run.cold.result.metrics.daviesBouldin,
      },
      kRange3to8: { ms: run.choose.ms, chosenK: run.choose.result.metrics.k },
      warmThroughApiWorker: {
        ms: apiMs,
        runsMs: api.runs.map((r) => r.ms),
        ratioToBuild: ratio(apiMs, warmMs),
        stagesMs: apiRun.stages,
        leadCount: apiRun.leadCount,
        keptShare: apiRun.stability?.keptShare,
        rssBeforeMb: api.rssBeforeMb,
        peakRssMb: api.peakRssMb,
        note: "runRetrain as POST /api/segments/retrain runs it (median of 3, in a child process holding nothing else; its peak RSS): thread start = until the worker thread has started the leads' binary COPY and loaded the training code; loading = until it has decoded the last lead into its feature vector at now; then buildSegmentModel's phases; done = posting the result back",
      },
      // The process holds the population, its 100k vectors and standardised rows throughout; the peak adds training.
      memory: { rssBeforeTrainingMb: Math.round(rssBefore / 2 ** 20), peakRssInProcessMb: peakInProcessMb },
      note: 'figure: buildSegmentModel in-process, single-threaded, on vectors already in memory (median of 3 warm runs); baseline: ml-kmeans alone on the same standardised matrix from the same centroids (median of 3); warmThroughApiWorker adds reading the leads from Postgres',
    },
  });
}

(process.argv[2] === '--api-retrain' ? apiRetrainChild() : main()).catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});

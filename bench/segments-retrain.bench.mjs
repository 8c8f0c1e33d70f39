// Question: how long does a retrain of 100k leads take, cold (k-means++) and warm-started from the active model,
// versus a bare `ml-kmeans` call on the same standardised matrix? "Retrain" is libs/scoring buildSegmentModel, the
// code the API's worker thread runs after reading the leads: standardise, k-means, Hungarian id matching,
// hysteresis reassignment preview, inertia / sampled silhouette / Davies–Bouldin, stability, moved-leads matrix.
import { require, writeResult } from './ingest-harness.mjs';

const scoring = require('@segflow/scoring');
const { generateDemoPopulation } = require('@segflow/scoring/testing');
// ml-kmeans ships ES modules only; Node ≥ 20.19 can require() them.
const { kmeans } = require('ml-kmeans');

const LEADS = Number(process.env.BENCH_RETRAIN_LEADS ?? 100_000);
const K = 5;
const time = (fn) => {
  const started = performance.now();
  const result = fn();
  return { ms: Math.round(performance.now() - started), result };
};

function vectorsOf(population, now) {
  const states = new Map(population.leads.map((l) => [l.externalId, scoring.emptyFeatureState()]));
  for (const event of population.events) states.set(event.leadExternalId, scoring.applyEvent(states.get(event.leadExternalId), event, now));
  return population.leads.map((lead) => scoring.featureVector(states.get(lead.externalId), lead, now));
}

const now = new Date();
const vectors = vectorsOf(generateDemoPopulation({ leads: LEADS, seed: 5, now }), now);
const freshIds = Array.from({ length: 32 }, (_, i) => `segment-${i}`);
const common = { maxDistance: 1.5, margin: 0.1, freshIds, seed: 5 };

const cold = time(() => scoring.buildSegmentModel({ vectors, current: vectors.map(() => null), active: null, k: K, ...common }));
const active = { standardizer: cold.result.standardizer, centroids: cold.result.segments.map(({ id, centroid }) => ({ id, centroid })) };
const warm = time(() => scoring.buildSegmentModel({ vectors, current: cold.result.assignments, active, ...common, seed: 6 }));
const choose = time(() => scoring.buildSegmentModel({ vectors, current: vectors.map(() => null), active: null, kRange: [3, 8], ...common }));

const standardizer = scoring.fitStandardizer(vectors);
const rows = vectors.map((v) => scoring.standardize(v, standardizer));
const bareMl = time(() => kmeans(rows, K, { initialization: 'kmeans++', seed: 5, maxIterations: 100 }));
const bareInHouse = time(() => scoring.runKmeans(rows, K, { rng: scoring.createRng(5), maxIterations: 100 }));
const agreement = scoring.adjustedRandIndex(bareMl.result.clusters, bareInHouse.result.labels);

writeResult('segments-retrain', {
  figure: cold.ms, baseline: bareMl.ms, unit: 'ms (100k leads, cold retrain vs bare ml-kmeans)',
  details: {
    leads: LEADS, k: K,
    coldMs: cold.ms, warmMs: warm.ms, warmToBareRatio: Math.round((warm.ms / bareMl.ms) * 1000) / 1000, kRange3to8Ms: choose.ms, chosenK: choose.result.metrics.k,
    bareMlKmeans: { ms: bareMl.ms, iterations: bareMl.result.iterations, converged: bareMl.result.converged },
    bareInHouseKmeans: { ms: bareInHouse.ms, iterations: bareInHouse.result.iterations, converged: bareInHouse.result.converged },
    adjustedRandInHouseVsMl: Math.round(agreement * 1000) / 1000,
    warm: { iterations: warm.result.metrics.iterations, keptShare: warm.result.metrics.stability?.keptShare, adjustedRand: warm.result.metrics.stability?.adjustedRand },
    cold: { iterations: cold.result.metrics.iterations, silhouette: cold.result.metrics.silhouette, daviesBouldin: cold.result.metrics.daviesBouldin },
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    note: 'in-process and single-threaded (the API runs the same code in a worker_thread, after reading the leads from Postgres); figure includes metrics, matching and the reassignment preview, the baseline is k-means alone',
  },
});

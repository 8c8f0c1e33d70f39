// Question: how long does a retrain of 100k leads take, cold (seeded k-means++) and warm-started from the active
// model, versus a bare `ml-kmeans` call on the same standardised matrix, in the same run? "Retrain" is libs/scoring
// buildSegmentModel, the code the API's worker thread runs after reading the leads: standardise, k-means (ml-kmeans),
// Hungarian id matching, hysteresis reassignment preview, inertia / sampled silhouette / Davies–Bouldin, stability,
// moved-leads matrix. The bare call is the floor: k-means alone, same k, seed, iteration cap and starting centroids.
import { require, writeResult } from './ingest-harness.mjs';

const scoring = require('@segflow/scoring');
const { buildSegmentModel } = require('@segflow/scoring/training');
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
const ratio = (a, b) => Math.round((a / b) * 1000) / 1000;

function vectorsOf(population, now) {
  const states = new Map(population.leads.map((l) => [l.externalId, scoring.emptyFeatureState()]));
  for (const event of population.events) states.set(event.leadExternalId, scoring.applyEvent(states.get(event.leadExternalId), event, now));
  return population.leads.map((lead) => scoring.featureVector(states.get(lead.externalId), lead, now));
}

const now = new Date();
const vectors = vectorsOf(generateDemoPopulation({ leads: LEADS, seed: 5, now }), now);
const freshIds = Array.from({ length: 32 }, (_, i) => `segment-${i}`);
const common = { maxDistance: 1.5, margin: 0.1, freshIds, seed: 5 };
const rssBefore = process.memoryUsage().rss;

const cold = time(() => buildSegmentModel({ vectors, current: vectors.map(() => null), active: null, k: K, ...common }));
const active = { standardizer: cold.result.standardizer, centroids: cold.result.segments.map(({ id, centroid }) => ({ id, centroid })) };
const warm = time(() => buildSegmentModel({ vectors, current: cold.result.assignments, active, ...common, seed: 6 }));
const choose = time(() => buildSegmentModel({ vectors, current: vectors.map(() => null), active: null, kRange: [3, 8], ...common }));

const rows = vectors.map((v) => scoring.standardize(v, cold.result.standardizer));
const bareCold = time(() => kmeans(rows, K, { initialization: 'kmeans++', seed: 5, maxIterations: 100 }));
const bareWarm = time(() => kmeans(rows, K, { initialization: active.centroids.map((c) => [...c.centroid]), maxIterations: 100 }));

writeResult('segments-retrain', {
  figure: cold.ms, baseline: bareCold.ms, unit: 'ms (100k leads, cold retrain vs bare ml-kmeans)',
  details: {
    leads: LEADS, k: K,
    cold: { ms: cold.ms, bareMlKmeansMs: bareCold.ms, ratio: ratio(cold.ms, bareCold.ms), iterations: cold.result.metrics.iterations, bareIterations: bareCold.result.iterations, silhouette: cold.result.metrics.silhouette, daviesBouldin: cold.result.metrics.daviesBouldin },
    warm: { ms: warm.ms, bareMlKmeansMs: bareWarm.ms, ratio: ratio(warm.ms, bareWarm.ms), iterations: warm.result.metrics.iterations, bareIterations: bareWarm.result.iterations, keptShare: warm.result.metrics.stability?.keptShare, adjustedRand: warm.result.metrics.stability?.adjustedRand },
    kRange3to8: { ms: choose.ms, chosenK: choose.result.metrics.k },
    // The process holds the 100k vectors and standardised rows throughout; the peak adds what training allocates.
    memory: { rssBeforeTrainingMb: Math.round(rssBefore / 2 ** 20), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) },
    note: 'in-process and single-threaded (the API runs the same code in a worker_thread, after reading the leads from Postgres); the figure includes metrics, matching and the reassignment preview, the baseline is ml-kmeans alone on the same standardised matrix',
  },
});

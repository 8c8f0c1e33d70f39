// Question: on the demo population's held-out period, how well does the calibrated propensity model (libs/scoring
// trainPropensity: L2 logistic regression over the scoring features and firmographic matches, Platt-calibrated) rank
// and predict conversions, against the hand-weighted lead score (libs/scoring leadScore) on the same entries? The
// figure is the model's holdout AUC, the baseline the score's; Brier scores (the score calibrated the same way, on
// the same calibration split), top-decile lift and the isotonic variant are in the details.
//
// Data: libs/scoring generateDemoPopulation — the population `tools/seed-demo.mjs` seeds — drawn as COHORTS cohorts of
// LEADS leads that arrive 14 days apart (each cohort's events end at its arrival date; ids prefixed per cohort), so
// the history spans months and later leads are judged by a model trained on earlier ones (the seed writes the same
// shape, its leads split over 12 cohorts, day by day in event time); here segment entries are replayed in event time
// exactly as ingest records them: each event folded into its lead's state
// (applyEvent), the vector standardised and assigned with hysteresis (assignSegment, margin 0.1) against a k = 5
// segment model (buildSegmentModel) trained on every lead's features at the first cohort's arrival + 84 days; an
// entry is recorded whenever the segment changes. Pure computation: no database, no Temporal.
import { require, writeResult } from './ingest-harness.mjs';

const scoring = require('@segflow/scoring');
const { buildSegmentModel } = require('@segflow/scoring/training');
const { generateDemoPopulation } = require('@segflow/scoring/testing');

const COHORTS = Number(process.env.BENCH_PROPENSITY_COHORTS ?? 12);
const LEADS = Number(process.env.BENCH_PROPENSITY_LEADS ?? 600);
const DAY = 86_400_000;
const START = Date.parse('2026-01-05T00:00:00Z');
const label = { goalEventType: 'purchase', horizonDays: 30 };
// Map.groupBy arrived in Node 21; the repo supports Node 20.
function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return groups;
}
const round = (x, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

function population() {
  const leads = [];
  const events = [];
  for (let c = 0; c < COHORTS; c += 1) {
    const cohort = generateDemoPopulation({ leads: LEADS, seed: 7 + c, now: new Date(START + c * 14 * DAY) });
    for (const lead of cohort.leads) leads.push({ ...lead, externalId: `c${c}-${lead.externalId}` });
    for (const e of cohort.events)
      events.push({ ...e, eventId: `c${c}-${e.eventId}`, leadExternalId: `c${c}-${e.leadExternalId}` });
  }
  events.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.eventId < b.eventId ? -1 : 1));
  return { leads, events, dataEnd: new Date(START + (COHORTS - 1) * 14 * DAY) };
}

function segmentModelAt(leads, events, at) {
  const byLead = groupBy(
    events.filter((e) => Date.parse(e.occurredAt) <= at.getTime()),
    (e) => e.leadExternalId,
  );
  const vectors = leads.map((lead) =>
    scoring.featureVector(scoring.computeFeatureState(byLead.get(lead.externalId) ?? [], at), lead, at),
  );
  const built = buildSegmentModel({
    vectors,
    current: vectors.map(() => null),
    active: null,
    k: 5,
    seed: 7,
    maxDistance: 1.5,
    margin: 0.1,
    freshIds: ['s1', 's2', 's3', 's4', 's5'],
  });
  return {
    standardizer: built.standardizer,
    centroids: built.segments.map((s) => ({ id: s.id, centroid: s.centroid })),
  };
}

// What ingest records: fold each event, re-assign with hysteresis, and note an entry whenever the segment changes.
function replayEntries(leads, events, model) {
  const leadOf = new Map(leads.map((lead) => [lead.externalId, lead]));
  const state = new Map();
  const segment = new Map();
  const entries = [];
  for (const event of events) {
    const at = new Date(event.occurredAt);
    const id = event.leadExternalId;
    const next = scoring.applyEvent(state.get(id) ?? scoring.emptyFeatureState(), event, at);
    state.set(id, next);
    const vector = scoring.standardize(scoring.featureVector(next, leadOf.get(id), at), model.standardizer);
    const assigned = scoring.assignSegment({
      vector,
      currentSegmentId: segment.get(id) ?? null,
      centroids: model.centroids,
      margin: 0.1,
    });
    if (assigned.changed) {
      segment.set(id, assigned.segmentId);
      entries.push({ leadId: id, segmentId: assigned.segmentId, at });
    }
  }
  return entries;
}

function summary(model) {
  if (model.status !== 'trained') return model;
  const { metrics, counts, holdoutFrom, calibration } = model;
  return {
    counts,
    holdoutFrom,
    calibration: calibration.method,
    auc: round(metrics.auc),
    brier: round(metrics.brier),
    topDecileLift: round(metrics.topDecileLift, 2),
    baseRate: round(metrics.baseRate),
    baseline: {
      auc: round(metrics.baseline.auc),
      brier: round(metrics.baseline.brier),
      topDecileLift: round(metrics.baseline.topDecileLift, 2),
    },
    calibrationCurve: metrics.calibrationCurve
      .filter((bin) => bin.count > 0)
      .map((bin) => ({
        bin: `${bin.lower}-${bin.upper}`,
        count: bin.count,
        meanPredicted: round(bin.meanPredicted),
        observed: round(bin.observedRate),
      })),
    weights: Object.fromEntries(model.featureNames.map((name, j) => [name, round(model.weights[j], 3)])),
  };
}

const { leads, events, dataEnd } = population();
const model = segmentModelAt(leads, events, new Date(START + 84 * DAY));
const entries = replayEntries(leads, events, model);
const eventsOf = groupBy(events, (e) => e.leadExternalId);
const leadOf = new Map(leads.map((lead) => [lead.externalId, lead]));
const histories = entries.map((e) => ({
  segmentId: e.segmentId,
  at: e.at,
  lead: leadOf.get(e.leadId),
  events: eventsOf.get(e.leadId),
}));
let started = performance.now();
const samples = scoring.labelSegmentEntries(histories, label, dataEnd);
const labelMs = Math.round(performance.now() - started);
started = performance.now();
const platt = scoring.trainPropensity(samples, { label });
const trainMs = Math.round(performance.now() - started);
const isotonic = scoring.trainPropensity(samples, { label, calibration: 'isotonic' });
if (platt.status !== 'trained') throw new Error(`no propensity model: ${platt.reason}`);

writeResult('propensity', {
  figure: round(platt.metrics.auc),
  baseline: round(platt.metrics.baseline.auc),
  unit: 'holdout AUC, calibrated propensity model vs hand-weighted lead score (demo population, time-based holdout)',
  details: {
    population: { cohorts: COHORTS, leadsPerCohort: LEADS, leads: leads.length, events: events.length },
    label,
    entries: entries.length,
    closedEntries: samples.length,
    labelMs,
    trainMs,
    platt: summary(platt),
    isotonic: summary(isotonic),
  },
});

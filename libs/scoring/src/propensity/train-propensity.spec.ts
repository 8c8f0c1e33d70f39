import { createRng } from '../create-rng';
import { FEATURE_NAMES } from '../feature-vector';
import { sigmoid } from './logistic-regression';
import { PROPENSITY_FEATURE_NAMES, type PropensitySample } from './propensity-samples';
import { predictConversion, trainPropensity } from './train-propensity';

const label = { goalEventType: 'purchase' as const, horizonDays: 30 };
const INTENT = FEATURE_NAMES.indexOf('intent');

// Entries over 200 days whose conversion depends on intent (and not on the other columns).
function samples(n: number, seed: number): PropensitySample[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const vector = PROPENSITY_FEATURE_NAMES.map(() => rng());
    vector[INTENT] = rng() * 3;
    return {
      segmentId: i % 2 ? 'a' : 'b',
      at: i * 86_400_000 * (200 / n),
      vector,
      label: rng() < sigmoid(2 * vector[INTENT]! - 4) ? 1 : 0,
    };
  });
}

describe('trainPropensity', () => {
  it('learns the signal and evaluates on the latest quarter of entries', () => {
    const data = samples(4000, 1);
    const model = trainPropensity(data, { label });
    if (model.status !== 'trained') throw new Error(model.reason);
    expect(model.counts).toMatchObject({ fit: 2400, calibration: 600, holdout: 1000 });
    expect(Date.parse(model.holdoutFrom)).toBe(data[3000]!.at);
    expect(model.metrics.auc!).toBeGreaterThan(0.75);
    expect(model.weights[INTENT]!).toBeGreaterThan(Math.abs(model.weights[0]!) * 5);
    expect(model.metrics.calibrationCurve).toHaveLength(10);
    expect(model.metrics.topDecileLift!).toBeGreaterThan(1.5);
  });

  it('is calibrated: mean prediction on the holdout close to the observed rate', () => {
    const model = trainPropensity(samples(4000, 2), { label });
    if (model.status !== 'trained') throw new Error(model.reason);
    const bins = model.metrics.calibrationCurve.filter((b) => b.count >= 30);
    expect(bins.length).toBeGreaterThan(3);
    // Within three standard errors of the bin's observed rate (plus a little for the fitted calibration's own error).
    for (const bin of bins) {
      const p = bin.meanPredicted!;
      expect(Math.abs(p - bin.observedRate!)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / bin.count) + 0.02);
    }
    const filled = model.metrics.calibrationCurve.filter((b) => b.count > 0);
    const overall = filled.reduce((sum, b) => sum + b.meanPredicted! * b.count, 0) / model.counts.holdout;
    expect(Math.abs(overall - model.metrics.baseRate)).toBeLessThan(0.03);
  });

  it('reports the hand-weighted score on the same entries as the baseline', () => {
    const model = trainPropensity(samples(4000, 3), { label });
    if (model.status !== 'trained') throw new Error(model.reason);
    expect(model.metrics.baseline.auc).not.toBeNull();
    expect(model.metrics.baseline.brier).not.toBeNull();
  });

  it('gives each segment its observed conversion on the held-out entries with a Wilson interval and the mean prediction', () => {
    const data = samples(2000, 4);
    const model = trainPropensity(data, { label });
    if (model.status !== 'trained') throw new Error(model.reason);
    const heldOut = data.filter((s) => s.at >= Date.parse(model.holdoutFrom));
    const a = model.segments.find((s) => s.segmentId === 'a')!;
    expect(a.entries).toBe(heldOut.filter((s) => s.segmentId === 'a').length);
    expect(a.entries).toBe(250);
    expect(a.conversions).toBe(heldOut.filter((s) => s.segmentId === 'a' && s.label === 1).length);
    expect(a.low).toBeLessThan(a.rate);
    expect(a.high).toBeGreaterThan(a.rate);
    expect(a.predicted).toBeCloseTo(a.rate, 1);
  });

  it('predicts what it evaluated: predictConversion on a raw row', () => {
    const model = trainPropensity(samples(2000, 5), { label });
    if (model.status !== 'trained') throw new Error(model.reason);
    const row = PROPENSITY_FEATURE_NAMES.map(() => 0.5);
    const withIntent = (intent: number) => row.map((x, j) => (j === INTENT ? intent : x));
    const low = predictConversion(model, withIntent(0));
    const high = predictConversion(model, withIntent(3));
    expect(high).toBeGreaterThan(low);
    expect(high).toBeLessThanOrEqual(1);
  });

  it('trains nothing, saying why, with too few entries or no conversions', () => {
    expect(trainPropensity(samples(20, 6), { label })).toMatchObject({
      status: 'insufficient',
      counts: { samples: 20 },
    });
    const none = samples(500, 7).map((s) => ({ ...s, label: 0 as const }));
    expect(trainPropensity(none, { label })).toMatchObject({ status: 'insufficient', reason: /no conversions/ });
  });

  it('is deterministic', () => {
    expect(trainPropensity(samples(1000, 8), { label })).toEqual(trainPropensity(samples(1000, 8), { label }));
  });

  it('counts each entry for its nearest segment of a given segment model (a candidate’s new segments get figures)', () => {
    const data = samples(1000, 9);
    const means = PROPENSITY_FEATURE_NAMES.slice(0, FEATURE_NAMES.length).map(() => 0);
    const segmentModel = {
      standardizer: { means, stds: means.map(() => 1) },
      centroids: [
        { id: 'low', centroid: means.map((_, j) => (j === INTENT ? 0 : 0.5)) },
        { id: 'high', centroid: means.map((_, j) => (j === INTENT ? 3 : 0.5)) },
      ],
    };
    const model = trainPropensity(data, { label, segmentModel });
    if (model.status !== 'trained') throw new Error(model.reason);
    const high = model.segments.find((s) => s.segmentId === 'high')!;
    const low = model.segments.find((s) => s.segmentId === 'low')!;
    const heldOut = data.filter((s) => s.at >= Date.parse(model.holdoutFrom));
    expect(high.entries + low.entries).toBe(250);
    expect(high.entries).toBe(heldOut.filter((s) => s.vector[INTENT]! > 1.5).length);
    expect(high.rate).toBeGreaterThan(low.rate);
  });
});

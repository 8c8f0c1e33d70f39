import { summarizeDurations } from './summarize-durations';

describe('summarizeDurations', () => {
  it('summarizes four durations', () => {
    expect(summarizeDurations([60_000, 120_000, 180_000, 240_000])).toEqual({
      count: 4,
      p50: 150_000,
      p90: 222_000,
      p99: 238_200,
      mean: 150_000,
    });
  });

  it('shows a long tail in p99 but not p50', () => {
    const durations = [...Array.from({ length: 99 }, () => 1_000), 1_000_000];
    const summary = summarizeDurations(durations);
    expect(summary.p50).toBe(1_000);
    expect(summary.p90).toBe(1_000);
    expect(summary.p99).toBeCloseTo(1_000 + 0.01 * 999_000, 6);
    expect(summary.mean).toBe(10_990);
  });

  it('returns nulls for no durations', () => {
    expect(summarizeDurations([])).toEqual({ count: 0, p50: null, p90: null, p99: null, mean: null });
  });

  it('handles a single duration', () => {
    expect(summarizeDurations([42])).toEqual({ count: 1, p50: 42, p90: 42, p99: 42, mean: 42 });
  });
});

import type { LiftRow } from '@segflow/api-contracts';

type Comparison = LiftRow['comparison'];
type Estimate = Comparison['arm']['conversions'];
type Difference = NonNullable<Comparison['difference']>['conversions'];

const OUTCOMES = [
  ['conversions', 'Conversions'],
  ['meetings', 'Meetings'],
  ['replies', 'Replies'],
] as const;

/** One outcome of a comparison as the dashboard prints it. */
export interface ComparisonLine {
  outcome: string;
  arm: string;
  control: string;
  difference: string;
}

/** A comparison as a line per outcome, or the sentence saying why it has none yet. */
export type ComparisonView = { kind: 'tooFewLeads'; text: string } | { kind: 'measured'; lines: ComparisonLine[] };

const pct = (x: number) => (x * 100).toFixed(1);
const signedPts = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)}`;

/** `40.0% (16/40) [26.3–55.4]`: the rate, its counts and its 95 % Wilson interval. */
export function formatEstimate(e: Estimate, leads: number): string {
  if (e.rate === null || e.low === null || e.high === null) return `${e.count}/${leads}`;
  return `${pct(e.rate)}% (${e.count}/${leads}) [${pct(e.low)}–${pct(e.high)}]`;
}

/** `+16.7 pts [−5.6, +35.9], p 0.14`: the difference, its 95 % Newcombe interval and the z-test's p-value. */
export function formatDifference(d: Difference): string {
  const p = d.pValue === null ? 'p —' : `p ${d.pValue < 0.001 ? '< 0.001' : d.pValue.toFixed(3)}`;
  return `${signedPts(d.difference)} pts [${signedPts(d.low)}, ${signedPts(d.high)}], ${p}`;
}

/**
 * What the lift and A/B tables show of one comparison.
 * @example viewComparison(row.comparison).kind; // 'tooFewLeads' until both arms have the minimum
 */
export function viewComparison(c: Comparison): ComparisonView {
  if (c.state === 'tooFewLeads' || !c.difference) {
    return {
      kind: 'tooFewLeads',
      text: `too few leads to compare: ${c.arm.leads} vs ${c.control.leads} (at least ${c.minLeadsPerArm} per arm)`,
    };
  }
  const difference = c.difference;
  return {
    kind: 'measured',
    lines: OUTCOMES.map(([key, outcome]) => ({
      outcome,
      arm: formatEstimate(c.arm[key], c.arm.leads),
      control: formatEstimate(c.control[key], c.control.leads),
      difference: formatDifference(difference[key]),
    })),
  };
}

import { newcombeInterval, twoProportionZTest, wilsonInterval } from './proportion-statistics';

/**
 * Below this many leads in either arm a comparison says `tooFewLeads` instead of rates and intervals: with 30 leads a
 * 95 % Wilson interval around a 20 % rate still spans about ±14 points, so nothing smaller is worth reading.
 */
export const MIN_LEADS_PER_ARM = 30;

/** The outcomes an arm is measured on, in the order they are shown. */
export const ARM_OUTCOMES = ['conversions', 'meetings', 'replies'] as const;
export type ArmOutcome = (typeof ARM_OUTCOMES)[number];

/** How many leads an arm has and how many of them reached each outcome. */
export type ArmCounts = { leads: number } & Record<ArmOutcome, number>;

/** An outcome's count in an arm, its rate and the rate's 95 % Wilson interval (null without leads or too few). */
export interface RateEstimate {
  count: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

/** An arm's leads and its estimates per outcome. */
export type ArmEstimates = { leads: number } & Record<ArmOutcome, RateEstimate>;

/** Arm rate − control rate, its 95 % Newcombe interval and the two-sided p of the pooled two-proportion z-test. */
export interface RateDifference {
  difference: number;
  low: number;
  high: number;
  /** Null when nothing varies in either arm (all or none reached the outcome). */
  pValue: number | null;
}

/** An arm against a control: `tooFewLeads` (no rates, no differences) until both have {@link MIN_LEADS_PER_ARM}. */
export interface ArmComparison {
  state: 'measured' | 'tooFewLeads';
  minLeadsPerArm: number;
  arm: ArmEstimates;
  control: ArmEstimates;
  difference: Record<ArmOutcome, RateDifference> | null;
}

function estimate(count: number, leads: number, measured: boolean): RateEstimate {
  const interval = measured ? wilsonInterval({ successes: count, n: leads }) : null;
  return { count, rate: interval ? count / leads : null, low: interval?.low ?? null, high: interval?.high ?? null };
}

function estimatesOf(counts: ArmCounts, measured: boolean): ArmEstimates {
  const outcomes = ARM_OUTCOMES.map((o) => [o, estimate(counts[o], counts.leads, measured)] as const);
  return { leads: counts.leads, ...(Object.fromEntries(outcomes) as Record<ArmOutcome, RateEstimate>) };
}

function differenceOf(arm: ArmCounts, control: ArmCounts, outcome: ArmOutcome): RateDifference {
  const a = { successes: arm[outcome], n: arm.leads };
  const b = { successes: control[outcome], n: control.leads };
  const interval = newcombeInterval(a, b)!;
  return {
    difference: a.successes / a.n - b.successes / b.n,
    low: interval.low,
    high: interval.high,
    pValue: twoProportionZTest(a, b)?.pValue ?? null,
  };
}

/**
 * Compares an arm (the treated leads, or an A/B variant) with a control (the holdout, or the first variant) on every
 * outcome, with one outcome definition for both: the caller counts the same events in each.
 *
 * @example
 * const c = compareArms({ leads: 400, conversions: 48, meetings: 60, replies: 120 },
 *   { leads: 100, conversions: 6, meetings: 9, replies: 20 });
 * c.difference?.conversions; // { difference: 0.06, low: ≈−0.011, high: ≈0.108, pValue: ≈0.084 }
 */
export function compareArms(arm: ArmCounts, control: ArmCounts, minLeadsPerArm = MIN_LEADS_PER_ARM): ArmComparison {
  // Never fewer than one lead per arm, whatever minimum is asked for: a rate needs a denominator.
  const least = Math.max(1, minLeadsPerArm);
  const measured = arm.leads >= least && control.leads >= least;
  const difference = measured
    ? (Object.fromEntries(ARM_OUTCOMES.map((o) => [o, differenceOf(arm, control, o)])) as Record<
        ArmOutcome,
        RateDifference
      >)
    : null;
  return {
    state: measured ? 'measured' : 'tooFewLeads',
    minLeadsPerArm,
    arm: estimatesOf(arm, measured),
    control: estimatesOf(control, measured),
    difference,
  };
}

import type { FundingStage, LeadInput, RevenueBand } from './lead-input-schema';

/** The ideal customer profile: how well each firmographic value matches, in [0, 1]. */
export interface IcpConfig {
  /** Lower-case industry → match. Industries not listed score `otherIndustry`. */
  industries: Readonly<Record<string, number>>;
  otherIndustry: number;
  /** Headcount range that matches fully; outside it the match falls by 1 per decade. */
  headcount: { min: number; max: number };
  revenueBands: Readonly<Partial<Record<RevenueBand, number>>>;
  fundingStages: Readonly<Partial<Record<FundingStage, number>>>;
  /** Relative weight of each attribute in the fit score. */
  weights: { industry: number; headcount: number; revenue: number; funding: number };
  /** Score of an attribute the lead does not have (neither a match nor a miss). */
  unknown: number;
}

/**
 * Segflow's default ICP: B2B SMBs of 10–500 people, $100k–$100m revenue.
 *
 * @example
 * ```ts
 * scoreFit({ industry: 'SaaS', headcount: 40 }, DEFAULT_ICP); // high
 * ```
 */
export const DEFAULT_ICP: IcpConfig = {
  industries: {
    saas: 1,
    'it services': 0.9,
    logistics: 0.8,
    manufacturing: 0.7,
    textiles: 0.6,
    'real estate': 0.5,
    retail: 0.5,
    education: 0.4,
  },
  otherIndustry: 0.2,
  headcount: { min: 10, max: 500 },
  revenueBands: { under_100k: 0.2, '100k_1m': 0.7, '1m_10m': 1, '10m_100m': 0.8, over_100m: 0.3 },
  fundingStages: {
    bootstrapped: 0.6,
    pre_seed: 0.5,
    seed: 0.9,
    series_a: 1,
    series_b: 1,
    series_c_plus: 0.6,
    public: 0.3,
  },
  weights: { industry: 0.35, headcount: 0.25, revenue: 0.2, funding: 0.2 },
  unknown: 0.4,
};

/** The lead attributes the fit score reads. */
export type FitInput = Pick<LeadInput, 'industry' | 'headcount' | 'revenueBand' | 'fundingStage'>;

function scoreHeadcount(headcount: number, range: IcpConfig['headcount']): number {
  if (headcount >= range.min && headcount <= range.max) return 1;
  if (headcount <= 0) return 0;
  const edge = headcount < range.min ? range.min : range.max;
  return Math.max(0, 1 - Math.abs(Math.log10(headcount / edge)));
}

/** Each firmographic attribute's match in [0, 1] (`icp.unknown` when the lead lacks it). */
export interface FitParts {
  industry: number;
  headcount: number;
  revenue: number;
  funding: number;
}

/**
 * The four matches {@link scoreFit} weighs: the propensity model reads them separately, so it learns its own weights.
 *
 * @example
 * ```ts
 * fitParts({ industry: 'saas' }); // { industry: 1, headcount: 0.4, revenue: 0.4, funding: 0.4 }
 * ```
 */
export function fitParts(lead: FitInput, icp: IcpConfig = DEFAULT_ICP): FitParts {
  return {
    industry:
      lead.industry === undefined ? icp.unknown : (icp.industries[lead.industry.toLowerCase()] ?? icp.otherIndustry),
    headcount: lead.headcount === undefined ? icp.unknown : scoreHeadcount(lead.headcount, icp.headcount),
    revenue: lead.revenueBand === undefined ? icp.unknown : (icp.revenueBands[lead.revenueBand] ?? 0),
    funding: lead.fundingStage === undefined ? icp.unknown : (icp.fundingStages[lead.fundingStage] ?? 0),
  };
}

/**
 * ICP fit in [0, 1]: the weighted mean of industry, headcount, revenue and funding
 * matches; a missing attribute scores `icp.unknown`.
 *
 * @example
 * ```ts
 * scoreFit({ industry: 'saas', headcount: 40, revenueBand: '1m_10m', fundingStage: 'series_a' }); // 1
 * scoreFit({}); // 0.4
 * ```
 */
export function scoreFit(lead: FitInput, icp: IcpConfig = DEFAULT_ICP): number {
  const { industry, headcount, revenue, funding } = fitParts(lead, icp);
  const w = icp.weights;
  const total = w.industry + w.headcount + w.revenue + w.funding;
  if (total <= 0) return icp.unknown;
  return (w.industry * industry + w.headcount * headcount + w.revenue * revenue + w.funding * funding) / total;
}

import type { FeatureOptions } from '@segflow/scoring';
import type { AppConfig } from './app-config';

/** Feature knobs from the validated config (PRICING_PAGE_PATTERNS overrides the lib's default patterns). */
export function featureOptionsFrom(config: Pick<AppConfig, 'PRICING_PAGE_PATTERNS'>): FeatureOptions {
  const patterns = config.PRICING_PAGE_PATTERNS?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return patterns?.length ? { pricingPatterns: patterns.map((p) => new RegExp(p)) } : {};
}

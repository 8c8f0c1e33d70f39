/** Phrases for a feature that is notably above (`high`) or below (`low`) average; null = say nothing. */
export interface FeaturePhrases {
  high: string | null;
  low: string | null;
}

/**
 * Words used for each known feature. Low purchase value and low channel affinity are not
 * distinctive (most leads have them), so they stay unnamed.
 *
 * @example
 * ```ts
 * FEATURE_PHRASES.affinity_whatsapp.high; // 'WhatsApp-first'
 * ```
 */
export const FEATURE_PHRASES: Readonly<Record<string, FeaturePhrases>> = {
  recency: { high: 'recently active', low: 'dormant' },
  frequency: { high: 'highly engaged', low: 'rarely engaged' },
  value: { high: 'high value', low: null },
  intent: { high: 'high intent', low: 'low intent' },
  fit: { high: 'high fit', low: 'low fit' },
  velocity: { high: 'accelerating', low: 'cooling' },
  affinity_email: { high: 'email-first', low: null },
  affinity_whatsapp: { high: 'WhatsApp-first', low: null },
  affinity_linkedin: { high: 'LinkedIn-first', low: null },
  friction: { high: 'high friction', low: null },
};

/** Options of {@link describeSegment}. */
export interface DescribeSegmentOptions {
  /** Minimum |z-score| for a feature to be mentioned. Default 0.5. */
  threshold?: number;
  /** Maximum number of phrases. Default 3. */
  maxParts?: number;
}

interface Part {
  text: string;
  weight: number;
  index: number;
  channel: boolean;
}

function phraseFor(name: string, z: number): string | null {
  const phrases = FEATURE_PHRASES[name] ?? { high: `high ${name}`, low: `low ${name}` };
  return z > 0 ? phrases.high : phrases.low;
}

/**
 * A short, deterministic label for a segment from its standardised centroid: the features
 * that set it apart most (largest |z| first, ties by feature order), at most one channel.
 * Returns "typical" when nothing stands out.
 *
 * @example
 * ```ts
 * describeSegment([0.2, 0.4, 0, 1.8, 1.1, 0, -0.3, 1.3, -0.2, 0], FEATURE_NAMES);
 * // 'high intent · WhatsApp-first · high fit'
 * ```
 */
export function describeSegment(
  centroid: readonly number[],
  featureNames: readonly string[],
  options: DescribeSegmentOptions = {},
): string {
  const threshold = options.threshold ?? 0.5;
  const parts: Part[] = [];
  featureNames.forEach((name, index) => {
    const z = centroid[index] ?? 0;
    const text = Math.abs(z) >= threshold ? phraseFor(name, z) : null;
    if (text !== null) parts.push({ text, weight: Math.abs(z), index, channel: name.startsWith('affinity_') });
  });
  parts.sort((a, b) => b.weight - a.weight || a.index - b.index);
  const chosen: Part[] = [];
  for (const part of parts) {
    if (chosen.length >= (options.maxParts ?? 3)) break;
    if (part.channel && chosen.some((c) => c.channel)) continue;
    chosen.push(part);
  }
  return chosen.length === 0 ? 'typical' : chosen.map((part) => part.text).join(' · ');
}

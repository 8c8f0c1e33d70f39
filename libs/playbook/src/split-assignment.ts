import type { SplitVariant } from './nodes/split-node';

/**
 * 32-bit FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so that similar inputs
 * (`lead-1`, `lead-2`, …) spread evenly over the low digits too.
 *
 * @example
 * hashString('lead-1:split-1') === hashString('lead-1:split-1'); // true, always
 */
export function hashString(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i += 1) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * The variant a lead gets at a split node: a deterministic bucket in [0, 100) from (leadId, nodeId),
 * walked through the cumulative weights. Returns null only when the weights add up to 0.
 * If the weights do not add up to 100 (an invalid playbook) they are scaled to their total.
 *
 * @example
 * chooseSplitVariant('lead-1', 'ab', [{ key: 'a', label: 'A', weight: 50 }, { key: 'b', label: 'B', weight: 50 }]);
 * // 'a' or 'b' — the same answer every time
 */
export function chooseSplitVariant(leadId: string, nodeId: string, variants: SplitVariant[]): string | null {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  if (total <= 0) return null;
  // 10,000 buckets so that whole-percent weights are honoured exactly in expectation.
  const point = ((hashString(`${leadId}:${nodeId}`) % 10_000) / 10_000) * total;
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight;
    if (point < cumulative) return variant.key;
  }
  return variants.filter((v) => v.weight > 0).at(-1)?.key ?? null;
}

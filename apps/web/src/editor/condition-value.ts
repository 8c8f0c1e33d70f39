import type { Comparator, ConditionValue } from '@segflow/playbook';

function parseScalar(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/**
 * Turns what a user typed into a condition value: a comma list for `in`, nothing for `exists`, otherwise
 * a number, a boolean or the text.
 *
 * @example
 * parseConditionValue('50', 'gte');       // 50
 * parseConditionValue('IN, US', 'in');    // ['IN', 'US']
 */
export function parseConditionValue(text: string, comparator: Comparator): ConditionValue | undefined {
  if (comparator === 'exists') return undefined;
  if (comparator === 'in') {
    return text
      .split(',')
      .map((part) => parseScalar(part))
      .filter((part): part is string | number => typeof part !== 'boolean' && part !== '');
  }
  return parseScalar(text);
}

/**
 * The text a condition value is edited as (inverse of `parseConditionValue`).
 *
 * @example
 * formatConditionValue(['IN', 'US']); // 'IN, US'
 */
export function formatConditionValue(value: ConditionValue | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * The `minConfidence` (0–1) of a reply-intent condition from the percentage typed (clamped to 0–100); undefined when
 * blank or not a number, which means any confidence.
 *
 * @example
 * parseMinConfidence('80');  // 0.8
 * parseMinConfidence('');    // undefined
 */
export function parseMinConfidence(percentText: string): number | undefined {
  const percent = Number(percentText);
  if (percentText.trim() === '' || !Number.isFinite(percent)) return undefined;
  return Math.min(100, Math.max(0, percent)) / 100;
}

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

import type { LeadAttributeValue } from '@segflow/scoring';

/**
 * An enum's allowed values as typed in one field, comma-separated: trimmed, empty ones dropped, duplicates once.
 *
 * @example
 * parseEnumValues(' free, pro,,pro '); // ['free', 'pro']
 */
export function parseEnumValues(text: string): string[] {
  return [...new Set(text.split(',').map((v) => v.trim()))].filter((v) => v !== '');
}

/**
 * A lead's attribute values as the lead page lists them: in schema order with the label, then any key the schema no
 * longer has (values of a deleted attribute stay on the lead until cleared).
 *
 * @example
 * attributeRows({ plan: 'pro', old: 3 }, [{ key: 'plan', label: 'Plan' }]);
 * // [{ key: 'plan', label: 'Plan', value: 'pro' }, { key: 'old', label: 'old', value: '3' }]
 */
export function attributeRows(
  values: Record<string, LeadAttributeValue>,
  schema: readonly { key: string; label: string }[],
): { key: string; label: string; value: string }[] {
  const known = schema.filter((a) => a.key in values).map((a) => ({ key: a.key, label: a.label }));
  const unknown = Object.keys(values)
    .filter((key) => !schema.some((a) => a.key === key))
    .map((key) => ({ key, label: key }));
  return [...known, ...unknown].map((row) => ({ ...row, value: String(values[row.key]) }));
}

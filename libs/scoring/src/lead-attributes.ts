import { z } from 'zod';
import type { FieldIssue } from './format-issues';
import { unstorableTextReason } from './storable-text';

/** Types a custom lead attribute can have; a `date` is a calendar day `YYYY-MM-DD`. */
export const LEAD_ATTRIBUTE_TYPES = ['text', 'number', 'date', 'enum'] as const;
/** One of {@link LEAD_ATTRIBUTE_TYPES}. */
export type LeadAttributeType = (typeof LEAD_ATTRIBUTE_TYPES)[number];

/** Limits of the attribute schema and of the values a lead may hold (documented in the README). */
export const LEAD_ATTRIBUTE_LIMITS = {
  attributes: 100,
  labelLength: 100,
  enumValues: 100,
  enumValueLength: 100,
  textLength: 1_000,
} as const;

/**
 * Keys a custom attribute may not take: the lead's own fields, which conditions and the run's lead context already
 * carry under these names (a custom `country` would shadow the real one).
 */
export const RESERVED_ATTRIBUTE_KEYS = [
  'id',
  'name',
  'email',
  'phone',
  'company',
  'industry',
  'headcount',
  'city',
  'country',
  'timezone',
  'owner',
  'segment',
] as const;

/** One attribute of the workspace schema. `values` lists an enum's allowed values (empty for other types). */
export interface LeadAttributeDefinition {
  key: string;
  label: string;
  type: LeadAttributeType;
  values: string[];
}

/** A stored attribute value: text, enum and date values are strings, numbers are numbers. */
export type LeadAttributeValue = string | number;

const keySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'expected a lowercase key: a letter, then letters, digits or _ (at most 40)')
  .refine((key) => !(RESERVED_ATTRIBUTE_KEYS as readonly string[]).includes(key), {
    message: `reserved for a lead field (${RESERVED_ATTRIBUTE_KEYS.join(', ')})`,
  });
const labelSchema = z.string().trim().min(1).max(LEAD_ATTRIBUTE_LIMITS.labelLength);
const enumValuesSchema = z
  .array(z.string().trim().min(1).max(LEAD_ATTRIBUTE_LIMITS.enumValueLength))
  .max(LEAD_ATTRIBUTE_LIMITS.enumValues)
  .refine((values) => new Set(values).size === values.length, { message: 'values must be distinct' });

function checkEnumValues(def: { type?: LeadAttributeType; values?: string[] }, ctx: z.RefinementCtx): void {
  const count = def.values?.length ?? 0;
  if (def.type === 'enum' && count === 0)
    ctx.addIssue({ code: 'custom', path: ['values'], message: 'an enum needs at least one allowed value' });
  if (def.type !== undefined && def.type !== 'enum' && count > 0)
    ctx.addIssue({ code: 'custom', path: ['values'], message: `a ${def.type} attribute has no allowed values` });
}

/**
 * A new attribute as an admin sends it.
 *
 * @example
 * leadAttributeDefinitionSchema.parse({ key: 'plan', label: 'Plan', type: 'enum', values: ['free', 'pro'] });
 */
export const leadAttributeDefinitionSchema = z
  .strictObject({
    key: keySchema,
    label: labelSchema,
    type: z.enum(LEAD_ATTRIBUTE_TYPES),
    values: enumValuesSchema.default([]),
  })
  .superRefine(checkEnumValues);

/**
 * A change to an attribute (its key stays). A new `type` or fewer enum `values` are checked against stored values by
 * the caller.
 *
 * @example
 * leadAttributeChangeSchema.parse({ label: 'Pricing plan', values: ['free', 'pro', 'enterprise'] });
 */
export const leadAttributeChangeSchema = z
  .strictObject({ label: labelSchema, type: z.enum(LEAD_ATTRIBUTE_TYPES), values: enumValuesSchema })
  .partial();

/** The shape `attributes` must have in `POST /api/leads`; each value is then checked against the schema. */
export const leadAttributeValuesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real calendar day written `YYYY-MM-DD` (no time, no zone).
 *
 * @example
 * isCalendarDate('2026-02-29'); // false
 */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toISOString().slice(0, 10) === value;
}

/**
 * Why `value` is not a valid value of `def`, or null when it is.
 *
 * @example
 * attributeValueIssue({ key: 'plan', label: 'Plan', type: 'enum', values: ['free', 'pro'] }, 'gold');
 * // 'expected one of free, pro'
 */
export function attributeValueIssue(def: LeadAttributeDefinition, value: unknown): string | null {
  switch (def.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expected a number';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'expected a date YYYY-MM-DD';
    case 'enum':
      return typeof value === 'string' && def.values.includes(value)
        ? null
        : `expected one of ${def.values.join(', ')}`;
    case 'text':
      if (typeof value !== 'string') return 'expected text';
      if (value.length > LEAD_ATTRIBUTE_LIMITS.textLength)
        return `at most ${LEAD_ATTRIBUTE_LIMITS.textLength} characters`;
      return unstorableTextReason(value);
  }
}

/**
 * Issues of a lead's `attributes` against the workspace schema, one per bad key, named `attributes.<key>`: an unknown
 * key, or a value of the wrong type, outside the enum, not a calendar date, or too long. `null` (clear the value) is
 * valid for every known key.
 *
 * @example
 * attributeValuesIssues([{ key: 'seats', label: 'Seats', type: 'number', values: [] }], { seats: 'ten', colour: 'red' });
 * // [{ field: 'attributes.seats', reason: 'expected a number' }, { field: 'attributes.colour', reason: 'unknown attribute (not in the workspace schema)' }]
 */
export function attributeValuesIssues(
  schema: readonly LeadAttributeDefinition[],
  values: Readonly<Record<string, unknown>>,
): FieldIssue[] {
  const byKey = new Map(schema.map((def) => [def.key, def]));
  return Object.entries(values).flatMap(([key, value]) => {
    const def = byKey.get(key);
    const reason = !def
      ? 'unknown attribute (not in the workspace schema)'
      : value === null
        ? null
        : attributeValueIssue(def, value);
    return reason ? [{ field: `attributes.${key}`, reason }] : [];
  });
}

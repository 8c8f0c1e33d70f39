import { z } from 'zod';
import { channelSchema, eventTypeSchema } from './common';

/**
 * What a comparison reads:
 * - `lead`: a lead field (`firstName`, `company`, `country`, … or any custom attribute name);
 * - `feature`: a numeric scoring feature by name (one of `@segflow/scoring` FEATURE_NAMES; publishing checks it), read
 *   from the lead's current features when the branch evaluates;
 * - `segment`: the segment's `id` or `name`;
 * - `owner`: the current owner's `id` or `name` (missing when unassigned);
 * - `attribute`: a custom lead attribute of the workspace schema by key (publishing checks the key and that the
 *   comparison fits its type); a date attribute compares as `YYYY-MM-DD` text.
 *
 * @example
 * fieldRefSchema.parse({ scope: 'feature', name: 'intent' });
 */
export const fieldRefSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('lead'), field: z.string().min(1) }),
  z.object({ scope: z.literal('feature'), name: z.string().min(1) }),
  z.object({ scope: z.literal('segment'), field: z.enum(['id', 'name']) }),
  z.object({ scope: z.literal('owner'), field: z.enum(['id', 'name']) }),
  z.object({ scope: z.literal('attribute'), key: z.string().min(1).max(40) }),
]);

/** A reference to a value a condition can compare. */
export type FieldRef = z.infer<typeof fieldRefSchema>;

/** A literal a field is compared with. */
export type ConditionValue = string | number | boolean | Array<string | number>;

/**
 * A typed condition tree, evaluated by `evaluateCondition`. A missing field makes every comparison false
 * except `exists` (false) and `neq` (true). `replyIntent` holds when the lead's last reply in this run (the one that
 * resumed a wait for a reply, if the run waited) was classified as `intent`, with at least `minConfidence` (0–1) when
 * given; it is false before any reply.
 */
export type Condition =
  | { op: 'and'; conditions: Condition[] }
  | { op: 'or'; conditions: Condition[] }
  | { op: 'not'; condition: Condition }
  | { op: 'compare'; field: FieldRef; comparator: Comparator; value?: ConditionValue }
  | { op: 'eventSeen'; eventType: string; channel?: z.infer<typeof channelSchema> }
  | { op: 'replyIntent'; intent: string; minConfidence?: number };

/**
 * Comparators: `eq`/`neq` (strict equality), ordering ones for numbers (and ISO strings), `in` (value is
 * a list), `contains` (case-insensitive substring) and `exists`.
 *
 * @example
 * comparatorSchema.parse('gte');
 */
export const comparatorSchema = z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'exists']);

/** A comparison operator. */
export type Comparator = z.infer<typeof comparatorSchema>;

const valueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

/**
 * Zod schema of a `Condition` (recursive).
 *
 * @example
 * conditionSchema.parse({ op: 'and', conditions: [
 *   { op: 'eventSeen', eventType: 'email_reply' },
 *   { op: 'compare', field: { scope: 'feature', name: 'fit' }, comparator: 'gte', value: 0.5 },
 * ] });
 */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('and'), conditions: z.array(conditionSchema).min(1) }),
    z.object({ op: z.literal('or'), conditions: z.array(conditionSchema).min(1) }),
    z.object({ op: z.literal('not'), condition: conditionSchema }),
    z.object({
      op: z.literal('compare'),
      field: fieldRefSchema,
      comparator: comparatorSchema,
      value: valueSchema.optional(),
    }),
    z.object({ op: z.literal('eventSeen'), eventType: eventTypeSchema, channel: channelSchema.optional() }),
    // Any name parses, so a draft naming an intent that does not exist loads; validatePlaybook reports it.
    z.object({
      op: z.literal('replyIntent'),
      intent: z.string().min(1).max(64),
      minConfidence: z.number().min(0).max(1).optional(),
    }),
  ]),
);

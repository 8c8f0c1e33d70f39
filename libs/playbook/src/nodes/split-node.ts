import { z } from 'zod';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/**
 * One arm of an A/B split. `key` is also the out-handle id; weights are whole percentages and must add up
 * to 100 (`validatePlaybook`, code `split-weights`).
 *
 * @example
 * splitVariantSchema.parse({ key: 'a', label: 'Email first', weight: 50 });
 */
export const splitVariantSchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ or -'),
  label: z.string().min(1).max(100),
  weight: z.number().int().min(0).max(100),
});

/** One arm of a split. */
export type SplitVariant = z.infer<typeof splitVariantSchema>;

/**
 * Config of a `split` node. Assignment is a deterministic hash of (lead id, node id): a lead always takes
 * the same arm of the same node, in the simulator, the API and the worker alike.
 *
 * @example
 * splitConfigSchema.parse({ variants: [{ key: 'a', label: 'A', weight: 50 }, { key: 'b', label: 'B', weight: 50 }] });
 */
export const splitConfigSchema = z.object({
  variants: z
    .array(splitVariantSchema)
    .min(2)
    .max(10)
    .refine((variants) => new Set(variants.map((v) => v.key)).size === variants.length, {
      message: 'variant keys must be unique',
    }),
});

/** Config of a `split` node. */
export type SplitConfig = z.infer<typeof splitConfigSchema>;

/**
 * A node that sends each lead down one weighted arm.
 *
 * @example
 * splitNodeSchema.parse({ id: 'ab', type: 'split', position: { x: 0, y: 0 }, config: splitDefinition.defaultConfig });
 */
export const splitNodeSchema = nodeSchemaOf('split', splitConfigSchema);

/** A persisted split node. */
export type SplitNode = z.infer<typeof splitNodeSchema>;

/**
 * Registry entry for `split`: one handle per variant key.
 *
 * @example
 * splitDefinition.outHandles(splitDefinition.defaultConfig).map((h) => h.id); // ['a', 'b']
 */
export const splitDefinition: NodeDefinition<'split', SplitConfig> = {
  type: 'split',
  label: 'A/B split',
  description: 'Sends each lead down one arm, by weight; the same lead always gets the same arm.',
  configSchema: splitConfigSchema,
  defaultConfig: {
    variants: [
      { key: 'a', label: 'Variant A', weight: 50 },
      { key: 'b', label: 'Variant B', weight: 50 },
    ],
  },
  outHandles: (config) => config.variants.map((v) => ({ id: v.key, label: v.label, required: true })),
  pausesRun: () => false,
};

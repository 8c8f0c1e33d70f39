import { z } from 'zod';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/** Config of the entry node (none today; an object so fields can be added without a migration). */
export const entryConfigSchema = z.object({});

/** Config of the entry node. */
export type EntryConfig = z.infer<typeof entryConfigSchema>;

/**
 * The single implicit start of every playbook. A run starts here and follows `next` at once.
 *
 * @example
 * entryNodeSchema.parse({ id: 'entry', type: 'entry', position: { x: 0, y: 0 }, config: {} });
 */
export const entryNodeSchema = nodeSchemaOf('entry', entryConfigSchema);

/** A persisted entry node. */
export type EntryNode = z.infer<typeof entryNodeSchema>;

/**
 * Registry entry for `entry`.
 *
 * @example
 * entryDefinition.outHandles({}); // [{ id: 'next', … }]
 */
export const entryDefinition: NodeDefinition<'entry', EntryConfig> = {
  type: 'entry',
  label: 'Entry',
  description: 'Where every run starts: the lead has just joined the segment.',
  configSchema: entryConfigSchema,
  defaultConfig: {},
  outHandles: () => [{ id: 'next', label: 'Start', required: true }],
  pausesRun: () => false,
};

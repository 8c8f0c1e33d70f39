import { z } from 'zod';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/**
 * Config of an `exit` node: the run ends with status `exited` and this reason.
 *
 * @example
 * exitConfigSchema.parse({ reason: 'not-interested' });
 */
export const exitConfigSchema = z.object({ reason: z.string().min(1).max(200) });

/** Config of an `exit` node. */
export type ExitConfig = z.infer<typeof exitConfigSchema>;

/**
 * A terminal node that ends the run without conversion. Open tasks are left alone (a rep may still act).
 *
 * @example
 * exitNodeSchema.parse({ id: 'x', type: 'exit', position: { x: 0, y: 0 }, config: { reason: 'no-reply' } });
 */
export const exitNodeSchema = nodeSchemaOf('exit', exitConfigSchema);

/** A persisted exit node. */
export type ExitNode = z.infer<typeof exitNodeSchema>;

/**
 * Registry entry for `exit`.
 *
 * @example
 * exitDefinition.outHandles(exitDefinition.defaultConfig); // []
 */
export const exitDefinition: NodeDefinition<'exit', ExitConfig> = {
  type: 'exit',
  label: 'Exit',
  description: 'Ends the run with a reason.',
  configSchema: exitConfigSchema,
  defaultConfig: { reason: 'finished' },
  outHandles: () => [],
  pausesRun: () => false,
};

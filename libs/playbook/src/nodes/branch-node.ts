import { z } from 'zod';
import { conditionSchema } from './condition';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/**
 * Config of a `branch` node: `yes` when `condition` holds at the moment the run reaches the node.
 *
 * @example
 * branchConfigSchema.parse({ condition: { op: 'eventSeen', eventType: 'email_reply' } });
 */
export const branchConfigSchema = z.object({ condition: conditionSchema });

/** Config of a `branch` node. */
export type BranchConfig = z.infer<typeof branchConfigSchema>;

/**
 * A node that chooses a path with a condition on the lead, its features, segment, owner or run events.
 *
 * @example
 * branchNodeSchema.parse({ id: 'b', type: 'branch', position: { x: 0, y: 0 }, config: branchDefinition.defaultConfig });
 */
export const branchNodeSchema = nodeSchemaOf('branch', branchConfigSchema);

/** A persisted branch node. */
export type BranchNode = z.infer<typeof branchNodeSchema>;

/**
 * Registry entry for `branch`.
 *
 * @example
 * branchDefinition.outHandles(branchDefinition.defaultConfig).map((h) => h.id); // ['yes', 'no']
 */
export const branchDefinition: NodeDefinition<'branch', BranchConfig> = {
  type: 'branch',
  label: 'Branch',
  description: 'Goes one way or the other depending on a condition.',
  configSchema: branchConfigSchema,
  defaultConfig: { condition: { op: 'eventSeen', eventType: 'email_reply' } },
  outHandles: () => [
    { id: 'yes', label: 'Yes', required: true },
    { id: 'no', label: 'No', required: true },
  ],
  pausesRun: () => false,
};

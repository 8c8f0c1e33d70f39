import { z } from 'zod';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/**
 * The routing rule of a `route` node. `libs/routing` owns its shape and `chooseOwner`; until that library
 * publishes `routeRuleSchema` this accepts any JSON object with a `strategy`, and the driver passes it
 * through unchanged in the `routeOwner` command.
 *
 * @example
 * routeRuleSchema.parse({ strategy: 'roundRobin', teamId: 'emea' });
 */
export const routeRuleSchema = z.looseObject({ strategy: z.string().min(1) });

/** A routing rule (opaque to this library). */
export type RouteRule = z.infer<typeof routeRuleSchema>;

/**
 * Config of a `route` node.
 *
 * @example
 * routeConfigSchema.parse({ rule: { strategy: 'roundRobin' } });
 */
export const routeConfigSchema = z.object({ rule: routeRuleSchema });

/** Config of a `route` node. */
export type RouteConfig = z.infer<typeof routeConfigSchema>;

/**
 * A node that (re)assigns the lead's owner; the driver runs the rule and reports `ownerAssigned`.
 *
 * @example
 * routeNodeSchema.parse({ id: 'r1', type: 'route', position: { x: 0, y: 0 }, config: { rule: { strategy: 'roundRobin' } } });
 */
export const routeNodeSchema = nodeSchemaOf('route', routeConfigSchema);

/** A persisted route node. */
export type RouteNode = z.infer<typeof routeNodeSchema>;

/**
 * Registry entry for `route`.
 *
 * @example
 * routeDefinition.outHandles(routeDefinition.defaultConfig); // [{ id: 'next', … }]
 */
export const routeDefinition: NodeDefinition<'route', RouteConfig> = {
  type: 'route',
  label: 'Assign owner',
  description: 'Chooses an owner for the lead with a routing rule.',
  configSchema: routeConfigSchema,
  defaultConfig: { rule: { strategy: 'roundRobin' } },
  outHandles: () => [{ id: 'next', label: 'Next', required: true }],
  pausesRun: () => false,
};

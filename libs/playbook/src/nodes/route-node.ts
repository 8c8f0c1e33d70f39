import { routeRuleSchema } from '@segflow/routing';
import { z } from 'zod';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/** A routing rule, owned by `@segflow/routing` (`routeRuleSchema`, `chooseOwner`). */
export type { RouteRule } from '@segflow/routing';

/**
 * Config of a `route` node. The rule's shape and meaning belong to `@segflow/routing`; the driver runs
 * `chooseOwner` with it (it needs rep availability and load, which are I/O) and reports `ownerAssigned`.
 *
 * @example
 * routeConfigSchema.parse({ rule: { kind: 'roundRobin', teamId: 'inbound' } });
 */
export const routeConfigSchema = z.object({ rule: routeRuleSchema });

/** Config of a `route` node. */
export type RouteConfig = z.infer<typeof routeConfigSchema>;

/**
 * A node that (re)assigns the lead's owner; the driver runs the rule and reports `ownerAssigned`.
 *
 * @example
 * routeNodeSchema.parse({ id: 'r1', type: 'route', position: { x: 0, y: 0 }, config: { rule: { kind: 'roundRobin', teamId: 'inbound' } } });
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
  defaultConfig: { rule: { kind: 'roundRobin', teamId: 'inbound' } },
  outHandles: () => [{ id: 'next', label: 'Next', required: true }],
  pausesRun: () => false,
};

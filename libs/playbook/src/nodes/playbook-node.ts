import { z } from 'zod';
import { branchNodeSchema } from './branch-node';
import { entryNodeSchema } from './entry-node';
import { exitNodeSchema } from './exit-node';
import { goalNodeSchema } from './goal-node';
import { routeNodeSchema } from './route-node';
import { sendNodeSchema } from './send-node';
import { splitNodeSchema } from './split-node';
import { taskNodeSchema } from './task-node';
import { waitForEventNodeSchema } from './wait-for-event-node';
import { waitNodeSchema } from './wait-node';

/**
 * Any persisted node: a discriminated union on `type`.
 *
 * @example
 * playbookNodeSchema.parse({ id: 'x', type: 'exit', position: { x: 0, y: 0 }, config: { reason: 'done' } });
 */
export const playbookNodeSchema = z.discriminatedUnion('type', [
  entryNodeSchema,
  sendNodeSchema,
  taskNodeSchema,
  routeNodeSchema,
  waitNodeSchema,
  waitForEventNodeSchema,
  branchNodeSchema,
  splitNodeSchema,
  goalNodeSchema,
  exitNodeSchema,
]);

/** Any persisted node. */
export type PlaybookNode = z.infer<typeof playbookNodeSchema>;

/** The `type` of a node: `entry`, `send`, `task`, … */
export type NodeType = PlaybookNode['type'];

/** The node with a given `type`. */
export type NodeOfType<T extends NodeType> = Extract<PlaybookNode, { type: T }>;

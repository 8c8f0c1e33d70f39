import { branchDefinition } from './nodes/branch-node';
import { entryDefinition } from './nodes/entry-node';
import { exitDefinition } from './nodes/exit-node';
import { goalDefinition } from './nodes/goal-node';
import type { NodeDefinition } from './nodes/node-definition';
import type { NodeOfType, NodeType, PlaybookNode } from './nodes/playbook-node';
import type { OutHandle } from './nodes/out-handle';
import { routeDefinition } from './nodes/route-node';
import { sendDefinition } from './nodes/send-node';
import { splitDefinition } from './nodes/split-node';
import { taskDefinition } from './nodes/task-node';
import { waitForEventDefinition } from './nodes/wait-for-event-node';
import { waitDefinition } from './nodes/wait-node';

/** The registry type: one definition per node type, typed by its config. */
export type NodeRegistry = { [T in NodeType]: NodeDefinition<T, NodeOfType<T>['config']> };

/**
 * Every node kind with its label, description, config schema, default config and out handles. The editor
 * builds its palette, forms and handles from it; `validatePlaybook` and `canConnect` read handles from it.
 *
 * @example
 * Object.values(NODE_REGISTRY).filter((d) => d.type !== 'entry').map((d) => d.label); // palette
 */
export const NODE_REGISTRY: NodeRegistry = {
  entry: entryDefinition,
  send: sendDefinition,
  task: taskDefinition,
  route: routeDefinition,
  wait: waitDefinition,
  waitForEvent: waitForEventDefinition,
  branch: branchDefinition,
  split: splitDefinition,
  goal: goalDefinition,
  exit: exitDefinition,
};

/**
 * Node types in palette order.
 *
 * @example
 * NODE_TYPES.includes('send'); // true
 */
export const NODE_TYPES = Object.keys(NODE_REGISTRY) as NodeType[];

function definitionOf<T extends NodeType>(type: T): NodeDefinition<T, NodeOfType<T>['config']> {
  return NODE_REGISTRY[type] as NodeDefinition<T, NodeOfType<T>['config']>;
}

/**
 * Out handles of a node, from its kind and config.
 *
 * @example
 * outHandlesOf({ id: 'b', type: 'branch', position: { x: 0, y: 0 },
 *   config: { condition: { op: 'eventSeen', eventType: 'email_reply' } } }).map((h) => h.id); // ['yes', 'no']
 */
export function outHandlesOf(node: PlaybookNode): OutHandle[] {
  return definitionOf(node.type).outHandles(node.config as never);
}

/**
 * True when the node always pauses the run (duration wait, waitForEvent, task waiting for completion).
 *
 * @example
 * pausesRun({ id: 'w', type: 'wait', position: { x: 0, y: 0 }, config: { mode: 'duration', minutes: 5 } }); // true
 */
export function pausesRun(node: PlaybookNode): boolean {
  return definitionOf(node.type).pausesRun(node.config as never);
}

/**
 * A new node of a kind with its default config, as the editor drops it from the palette.
 *
 * @example
 * createNode('wait', 'w1', { x: 100, y: 40 }).config; // { mode: 'duration', minutes: 2880 }
 */
export function createNode<T extends NodeType>(type: T, id: string, position: { x: number; y: number }): NodeOfType<T> {
  const config = JSON.parse(JSON.stringify(definitionOf(type).defaultConfig)) as NodeOfType<T>['config'];
  return { id, type, position, config } as NodeOfType<T>;
}

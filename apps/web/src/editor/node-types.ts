import { NODE_TYPES } from '@segflow/playbook';
import type { NodeTypes } from '@xyflow/react';
import { PlaybookNodeView } from './playbook-node-view';

/** One canvas component for every node kind; what differs per kind comes from NODE_REGISTRY. Module scope on purpose (React Flow error002). */
export const nodeTypes: NodeTypes = Object.fromEntries(NODE_TYPES.map((type) => [type, PlaybookNodeView]));

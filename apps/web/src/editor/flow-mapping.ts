import type { Edge, Node } from '@xyflow/react';
import type { NodeType, Playbook, PlaybookNode, PlaybookSettings } from '@segflow/playbook';

/** What a canvas node carries: only the persisted config (serialisable; no callbacks, no view state). */
export type PlaybookNodeData = { config: PlaybookNode['config'] };

/** A playbook node as React Flow holds it; the flow node `type` is the playbook node kind. */
export type PlaybookFlowNode = Node<PlaybookNodeData, NodeType>;

/** A playbook edge as React Flow holds it. */
export type PlaybookFlowEdge = Edge;

/** The canvas form of a playbook graph. */
export interface PlaybookFlow {
  nodes: PlaybookFlowNode[];
  edges: PlaybookFlowEdge[];
}

/**
 * Converts a persisted playbook to React Flow nodes and edges (layout only; semantics stay in the lib).
 *
 * @example
 * const { nodes, edges } = toFlow(draft);
 */
export function toFlow(playbook: Pick<Playbook, 'nodes' | 'edges'>): PlaybookFlow {
  return {
    nodes: playbook.nodes.map((node) => ({
      id: node.id,
      type: node.type,
      position: { ...node.position },
      data: { config: node.config },
      deletable: node.type !== 'entry',
    })),
    edges: playbook.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle,
      target: edge.target,
    })),
  };
}

/**
 * Converts canvas nodes and edges back to a persisted playbook. The result is what gets validated,
 * simulated and saved, so it must not carry any view state.
 *
 * @example
 * const playbook = fromFlow(nodes, edges, settings);
 * const issues = validatePlaybook(playbook);
 */
export function fromFlow(nodes: PlaybookFlowNode[], edges: PlaybookFlowEdge[], settings: PlaybookSettings): Playbook {
  return {
    schemaVersion: 1,
    settings,
    nodes: nodes.map(
      (node) =>
        ({
          id: node.id,
          type: node.type,
          position: { x: node.position.x, y: node.position.y },
          config: node.data.config,
        }) as PlaybookNode,
    ),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle ?? '',
      target: edge.target,
    })),
  };
}

import dagre from '@dagrejs/dagre';
import type { PlaybookFlowEdge, PlaybookFlowNode } from './flow-mapping';

/** Size used for nodes React Flow has not measured yet. */
export const DEFAULT_NODE_SIZE = { width: 220, height: 90 };

/**
 * Positions nodes top to bottom with dagre, keeping branches side by side. Edges are ordered by source
 * handle so, e.g., `yes` lands left of `no`.
 *
 * @example
 * setNodes(layoutFlow(nodes, edges));
 */
export function layoutFlow(nodes: PlaybookFlowNode[], edges: PlaybookFlowEdge[]): PlaybookFlowNode[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 70 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, {
      width: node.measured?.width ?? DEFAULT_NODE_SIZE.width,
      height: node.measured?.height ?? DEFAULT_NODE_SIZE.height,
    });
  }
  for (const edge of edges)
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  return nodes.map((node) => {
    const laid = graph.node(node.id);
    const width = node.measured?.width ?? DEFAULT_NODE_SIZE.width;
    const height = node.measured?.height ?? DEFAULT_NODE_SIZE.height;
    // dagre gives centres; React Flow positions are top-left corners.
    return { ...node, position: { x: Math.round(laid.x - width / 2), y: Math.round(laid.y - height / 2) } };
  });
}

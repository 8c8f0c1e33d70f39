import { nextEdgeId, nextNodeId } from './node-ids';
import type { PlaybookFlow, PlaybookFlowEdge, PlaybookFlowNode } from './flow-mapping';

/**
 * The selected nodes (never the entry: a playbook has exactly one) and the edges between them.
 *
 * @example
 * const clip = copySelection(nodes, edges);
 */
export function copySelection(nodes: PlaybookFlowNode[], edges: PlaybookFlowEdge[]): PlaybookFlow {
  const picked = nodes.filter((n) => n.selected && n.type !== 'entry');
  const ids = new Set(picked.map((n) => n.id));
  return {
    nodes: picked.map((n) => structuredClone({ id: n.id, type: n.type, position: n.position, data: n.data })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e, selected: false })),
  };
}

/**
 * Copies of clipboard nodes and edges with fresh ids, shifted by `offset`, selected so they can be
 * dragged together; add them to the canvas as they are.
 *
 * @example
 * const pasted = pasteClipboard(clip, nodes, edges, { x: 40, y: 40 });
 * setNodes([...nodes.map(unselect), ...pasted.nodes]);
 */
export function pasteClipboard(
  clip: PlaybookFlow,
  nodes: PlaybookFlowNode[],
  edges: PlaybookFlowEdge[],
  offset: { x: number; y: number },
): PlaybookFlow {
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edgeIds = new Set(edges.map((e) => e.id));
  const renamed = new Map<string, string>();
  const pastedNodes = clip.nodes.map((n) => {
    const id = nextNodeId(n.type ?? 'node', nodeIds);
    nodeIds.add(id);
    renamed.set(n.id, id);
    return {
      ...structuredClone(n),
      id,
      selected: true,
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    };
  });
  const pastedEdges = clip.edges.map((e) => {
    const id = nextEdgeId(edgeIds);
    edgeIds.add(id);
    return { ...e, id, source: renamed.get(e.source) ?? e.source, target: renamed.get(e.target) ?? e.target };
  });
  return { nodes: pastedNodes, edges: pastedEdges };
}

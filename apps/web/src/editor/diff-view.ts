import { diffPlaybooks, type Playbook, type PlaybookDiff } from '@segflow/playbook';
import type { DiffMark } from './editor-overlays';

/** What the visual diff draws: the newer graph plus the removed nodes and edges, each node marked. */
export interface DiffView {
  diff: PlaybookDiff;
  graph: Pick<Playbook, 'nodes' | 'edges'>;
  marks: Record<string, DiffMark>;
  removedEdges: Set<string>;
  addedEdges: Set<string>;
}

/**
 * The graph and marks for drawing the change from `before` to `after` on one canvas.
 *
 * @example
 * const view = diffView(v1.graph, v2.graph);
 * view.marks.followUp; // 'added'
 */
export function diffView(before: Playbook, after: Playbook): DiffView {
  const diff = diffPlaybooks(before, after);
  const marks: Record<string, DiffMark> = {};
  for (const id of diff.movedNodes) marks[id] = 'moved';
  for (const change of diff.changedNodes) marks[change.nodeId] = 'changed';
  for (const id of diff.addedNodes) marks[id] = 'added';
  for (const id of diff.removedNodes) marks[id] = 'removed';
  const removedNodes = before.nodes.filter((n) => diff.removedNodes.includes(n.id));
  const removedEdgeIds = new Set(diff.removedEdges);
  // A rewired edge keeps its id; suffix the old one so both can be drawn.
  const removedEdges = before.edges
    .filter((e) => removedEdgeIds.has(e.id))
    .map((e) => ({ ...e, id: `${e.id}~removed` }));
  return {
    diff,
    graph: { nodes: [...after.nodes, ...removedNodes], edges: [...after.edges, ...removedEdges] },
    marks,
    removedEdges: new Set(removedEdges.map((e) => e.id)),
    addedEdges: new Set(diff.addedEdges),
  };
}

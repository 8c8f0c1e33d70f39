import type { PlaybookNode } from '../nodes/playbook-node';
import type { PlaybookEdge } from '../playbook-schema';

/**
 * The graph the validation rules look at. When the full parse fails, nodes whose own parse failed are
 * kept only as ids (`opaqueNodeIds`) so that edges to them are not reported as dangling.
 */
export interface PlaybookGraph {
  nodes: PlaybookNode[];
  edges: PlaybookEdge[];
  opaqueNodeIds: Set<string>;
}

/** Out-neighbour lists by node id. */
export function successorsOf(graph: PlaybookGraph): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const edge of graph.edges) successors.set(edge.source, [...(successors.get(edge.source) ?? []), edge.target]);
  return successors;
}

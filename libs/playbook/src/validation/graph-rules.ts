import { outHandlesOf } from '../node-registry';
import type { PlaybookGraph } from './playbook-graph';
import { successorsOf } from './playbook-graph';
import type { PlaybookIssue } from './playbook-issue';

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** Exactly one entry; unique node and edge ids. */
export function checkIdentity(graph: PlaybookGraph): PlaybookIssue[] {
  const entries = graph.nodes.filter((n) => n.type === 'entry');
  const issues: PlaybookIssue[] = [];
  if (entries.length !== 1) {
    issues.push({ code: 'entry-count', message: `a playbook needs exactly one entry node, found ${entries.length}` });
  }
  for (const id of duplicates([...graph.nodes.map((n) => n.id), ...graph.opaqueNodeIds])) {
    issues.push({ code: 'duplicate-id', nodeId: id, message: `node id "${id}" is used more than once` });
  }
  for (const id of duplicates(graph.edges.map((e) => e.id))) {
    issues.push({ code: 'duplicate-id', edgeId: id, message: `edge id "${id}" is used more than once` });
  }
  return issues;
}

/** Every edge starts at a known node's existing handle, ends at a known non-entry node, and is not a self-loop. */
export function checkEdges(graph: PlaybookGraph): PlaybookIssue[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const known = (id: string): boolean => byId.has(id) || graph.opaqueNodeIds.has(id);
  return graph.edges.flatMap((edge): PlaybookIssue[] => {
    const at = { edgeId: edge.id };
    if (!known(edge.source))
      return [
        {
          code: 'edge-unknown-source',
          ...at,
          field: 'source',
          message: `edge starts at unknown node "${edge.source}"`,
        },
      ];
    if (!known(edge.target))
      return [
        {
          code: 'edge-unknown-target',
          ...at,
          field: 'target',
          message: `edge points to unknown node "${edge.target}"`,
        },
      ];
    if (edge.source === edge.target) return [{ code: 'self-loop', ...at, message: 'a node cannot connect to itself' }];
    if (byId.get(edge.target)?.type === 'entry')
      return [{ code: 'edge-into-entry', ...at, field: 'target', message: 'nothing can lead into the entry node' }];
    const source = byId.get(edge.source);
    if (source && !outHandlesOf(source).some((h) => h.id === edge.sourceHandle)) {
      return [
        {
          code: 'edge-unknown-handle',
          ...at,
          nodeId: source.id,
          field: 'sourceHandle',
          message: `node "${source.id}" has no handle "${edge.sourceHandle}"`,
        },
      ];
    }
    return [];
  });
}

/** Each required handle has an edge; no handle has two. */
export function checkHandles(graph: PlaybookGraph): PlaybookIssue[] {
  return graph.nodes.flatMap((node) =>
    outHandlesOf(node).flatMap((handle): PlaybookIssue[] => {
      const count = graph.edges.filter((e) => e.source === node.id && e.sourceHandle === handle.id).length;
      if (count > 1)
        return [
          {
            code: 'handle-used-twice',
            nodeId: node.id,
            field: `handles.${handle.id}`,
            message: `"${handle.label}" has ${count} connections; it can have one`,
          },
        ];
      if (count === 0 && handle.required)
        return [
          {
            code: 'handle-unconnected',
            nodeId: node.id,
            field: `handles.${handle.id}`,
            message: `"${handle.label}" is not connected`,
          },
        ];
      return [];
    }),
  );
}

/** Every node can be reached from the entry. */
export function checkReachability(graph: PlaybookGraph): PlaybookIssue[] {
  const entry = graph.nodes.find((n) => n.type === 'entry');
  if (!entry) return [];
  const successors = successorsOf(graph);
  const reached = new Set([entry.id]);
  const stack = [entry.id];
  while (stack.length > 0) {
    for (const next of successors.get(stack.pop() ?? '') ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      stack.push(next);
    }
  }
  return graph.nodes
    .filter((n) => !reached.has(n.id))
    .map((n): PlaybookIssue => ({
      code: 'unreachable-node',
      nodeId: n.id,
      message: 'no path from the entry reaches this node',
    }));
}

import type { PlaybookNode } from './nodes/playbook-node';
import type { Playbook, PlaybookEdge } from './playbook-schema';

/** A node present in both playbooks whose kind or config differs. `fields` are dotted paths that differ. */
export interface ChangedNode {
  nodeId: string;
  fields: string[];
}

/**
 * What changed from playbook `a` to playbook `b`. Nodes and edges are matched by id; an edge counts as
 * changed (removed + added) when its endpoints or handle differ. Moving a node is reported in `moved`
 * only, so layout tweaks do not look like behaviour changes.
 */
export interface PlaybookDiff {
  addedNodes: string[];
  removedNodes: string[];
  changedNodes: ChangedNode[];
  movedNodes: string[];
  addedEdges: string[];
  removedEdges: string[];
  /** Top-level setting keys whose value differs (`goalEvents`, `quietHours`, …). */
  changedSettings: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Leaf paths where two JSON values differ; arrays compare as a whole so a reordered list is one change.
function differingPaths(a: unknown, b: unknown, path: string): string[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => differingPaths(a[key], b[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

function edgeKey(edge: PlaybookEdge): string {
  return `${edge.id}|${edge.source}|${edge.sourceHandle}|${edge.target}`;
}

function nodeChange(before: PlaybookNode, after: PlaybookNode): ChangedNode | null {
  const fields = before.type === after.type ? differingPaths(before.config, after.config, 'config') : ['type'];
  return fields.length > 0 ? { nodeId: after.id, fields } : null;
}

/**
 * Compares two playbook graphs (e.g. two published versions, or a version and the draft) for the
 * editor's version diff. Pure; ids are the identity of nodes and edges.
 *
 * @example
 * const diff = diffPlaybooks(version1.graph, version2.graph);
 * diff.addedNodes;   // ['followUp']
 * diff.changedNodes; // [{ nodeId: 'intro', fields: ['config.subject'] }]
 */
export function diffPlaybooks(
  a: Pick<Playbook, 'nodes' | 'edges' | 'settings'>,
  b: Pick<Playbook, 'nodes' | 'edges' | 'settings'>,
): PlaybookDiff {
  const before = new Map(a.nodes.map((n) => [n.id, n]));
  const after = new Map(b.nodes.map((n) => [n.id, n]));
  const common = b.nodes.filter((n) => before.has(n.id));
  const edgesBefore = new Set(a.edges.map(edgeKey));
  const edgesAfter = new Set(b.edges.map(edgeKey));
  return {
    addedNodes: b.nodes.filter((n) => !before.has(n.id)).map((n) => n.id),
    removedNodes: a.nodes.filter((n) => !after.has(n.id)).map((n) => n.id),
    changedNodes: common.flatMap((n) => nodeChange(before.get(n.id) as PlaybookNode, n) ?? []),
    movedNodes: common
      .filter((n) => {
        const old = (before.get(n.id) as PlaybookNode).position;
        return old.x !== n.position.x || old.y !== n.position.y;
      })
      .map((n) => n.id),
    addedEdges: b.edges.filter((e) => !edgesBefore.has(edgeKey(e))).map((e) => e.id),
    removedEdges: a.edges.filter((e) => !edgesAfter.has(edgeKey(e))).map((e) => e.id),
    changedSettings: [...new Set([...Object.keys(a.settings), ...Object.keys(b.settings)])]
      .filter(
        (key) =>
          JSON.stringify(a.settings[key as keyof typeof a.settings]) !==
          JSON.stringify(b.settings[key as keyof typeof b.settings]),
      )
      .sort(),
  };
}

/**
 * True when a diff has no behavioural change (moves alone do not count).
 *
 * @example
 * isEmptyDiff(diffPlaybooks(p, p)); // true
 */
export function isEmptyDiff(diff: PlaybookDiff): boolean {
  const { movedNodes: _moved, ...rest } = diff;
  return Object.values(rest).every((list) => list.length === 0);
}

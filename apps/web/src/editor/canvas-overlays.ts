import type { PathEntry, PlaybookEdge, PlaybookIssue } from '@segflow/playbook';

/** One simulated visit of a node, as the canvas labels it. */
export interface VisitMark {
  visit: number;
  enteredAt: string;
  outcome?: string;
  note?: string;
}

/** Per-node counts from the analytics endpoint. */
export interface NodeStats {
  nodeId: string;
  reached: number;
  waiting: number;
  exited: number;
  converted: number;
}

/**
 * Issues grouped by node id; issues without a node (settings, edges to nowhere) go under `''`.
 *
 * @example
 * issuesByNode(validatePlaybook(playbook))['send-1']?.length; // badge count
 */
export function issuesByNode(issues: PlaybookIssue[]): Record<string, PlaybookIssue[]> {
  const grouped: Record<string, PlaybookIssue[]> = {};
  for (const issue of issues) (grouped[issue.nodeId ?? ''] ??= []).push(issue);
  return grouped;
}

/**
 * Simulated visits grouped by node id, in path order.
 *
 * @example
 * visitsByNode(simulateRun(args).path).intro; // [{ visit: 1, enteredAt: '…', outcome: 'next' }]
 */
export function visitsByNode(path: PathEntry[]): Record<string, VisitMark[]> {
  const grouped: Record<string, VisitMark[]> = {};
  for (const entry of path) {
    (grouped[entry.nodeId] ??= []).push({
      visit: entry.visit,
      enteredAt: entry.enteredAt,
      outcome: entry.outcome,
      note: entry.note,
    });
  }
  return grouped;
}

/**
 * Ids of edges a simulated path walked: from each entry along the handle it left by to the next entry.
 *
 * @example
 * const walked = edgesOnPath(path, playbook.edges); // highlight these
 */
export function edgesOnPath(path: PathEntry[], edges: PlaybookEdge[]): Set<string> {
  const walked = new Set<string>();
  for (let i = 0; i + 1 < path.length; i += 1) {
    const from = path[i]!;
    const to = path[i + 1]!;
    const edge = edges.find(
      (e) => e.source === from.nodeId && e.sourceHandle === from.outcome && e.target === to.nodeId,
    );
    if (edge) walked.add(edge.id);
  }
  return walked;
}

/**
 * Analytics rows keyed by node id.
 *
 * @example
 * statsByNode(rows).intro?.reached; // 120
 */
export function statsByNode(rows: NodeStats[]): Record<string, NodeStats> {
  return Object.fromEntries(rows.map((row) => [row.nodeId, row]));
}

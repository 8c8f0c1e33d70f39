import { pausesRun } from '../node-registry';
import type { PlaybookGraph } from './playbook-graph';
import type { PlaybookIssue } from './playbook-issue';

/** Strongly connected components of a directed graph (Tarjan), only those that contain a cycle. */
function cyclicComponents(ids: string[], successors: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (id: string): void => {
    index.set(id, index.size);
    low.set(id, index.get(id) ?? 0);
    stack.push(id);
    onStack.add(id);
    for (const next of successors.get(id) ?? []) {
      if (!index.has(next)) visit(next);
      if (onStack.has(next)) low.set(id, Math.min(low.get(id) ?? 0, low.get(next) ?? 0));
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = top === id ? undefined : stack.pop()) {
      onStack.delete(top);
      component.push(top);
    }
    if (component.length > 1 || (successors.get(id) ?? []).includes(id)) components.push(component.reverse());
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return components;
}

/**
 * Every cycle passes through a node that pauses the run (a duration wait, a waitForEvent or a task that
 * waits for completion); otherwise a run could loop forever within one instant.
 */
export function checkCycles(graph: PlaybookGraph): PlaybookIssue[] {
  // Entry nodes are left out: edges into the entry are reported by checkEdges already.
  const instant = new Set(graph.nodes.filter((n) => n.type !== 'entry' && !pausesRun(n)).map((n) => n.id));
  const successors = new Map<string, string[]>();
  for (const edge of graph.edges) {
    // Self-loops are reported by checkEdges already.
    if (!instant.has(edge.source) || !instant.has(edge.target) || edge.source === edge.target) continue;
    successors.set(edge.source, [...(successors.get(edge.source) ?? []), edge.target]);
  }
  return cyclicComponents([...instant], successors).map((component) => ({
    code: 'cycle-without-wait',
    nodeId: component[0],
    message: `loop through ${component.join(' → ')} has no wait, wait-for-event or waiting task`,
  }));
}

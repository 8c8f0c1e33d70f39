import { enterNode } from './enter-node';
import { currentVisit, endRun, findNode, recordEntry, recordExit, type Resolution, type Work } from './run-work';

// A valid playbook never passes a node twice without pausing; this bounds a broken one.
function transitionBudget(work: Work): number {
  return work.playbook.nodes.length * 2 + 10;
}

function targetOf(work: Work, handle: string): string | undefined {
  const source = work.state.currentNodeId;
  return work.playbook.edges.find((e) => e.source === source && e.sourceHandle === handle)?.target;
}

/**
 * Carries out a resolution of the current node and keeps walking the graph through nodes that resolve at
 * once, until the run waits or ends. An out handle without an edge ends the run `completed` (`end-of-path`).
 */
export function applyResolution(work: Work, first: Resolution): void {
  let resolution = first;
  for (let budget = transitionBudget(work); ; budget -= 1) {
    switch (resolution.kind) {
      case 'stay':
        return;
      case 'end':
        endRun(work, resolution);
        return;
      case 'wait': {
        const nodeId = work.state.currentNodeId ?? '';
        work.state.waiting = { ...resolution.waiting, nodeId, visit: currentVisit(work) };
        return;
      }
      case 'follow': {
        const target = findNode(work.playbook, targetOf(work, resolution.handle) ?? null);
        recordExit(work, resolution.handle, resolution.note);
        work.state.waiting = null;
        if (!target) return endRun(work, { kind: 'end', status: 'completed', reason: 'end-of-path' });
        if (budget <= 0) return endRun(work, { kind: 'end', status: 'exited', reason: 'loop-without-wait' });
        recordEntry(work, target.id);
        resolution = enterNode(work, target);
      }
    }
  }
}

import { outHandlesOf } from './node-registry';
import type { Playbook } from './playbook-schema';
import type { PlaybookIssue } from './validation/playbook-issue';

/** A connection the editor is about to make. */
export interface ConnectionAttempt {
  source: string;
  sourceHandle: string | null;
  target: string;
}

/**
 * Why a connection may not be made, or null if it may: no self-loop, nothing into the entry, the source
 * handle exists on the source node, and that handle is not already connected.
 *
 * @example
 * connectionIssue(playbook, { source: 'entry', sourceHandle: 'next', target: 'entry' })?.code; // 'self-loop'
 */
export function connectionIssue(
  playbook: Pick<Playbook, 'nodes' | 'edges'>,
  attempt: ConnectionAttempt,
): PlaybookIssue | null {
  const source = playbook.nodes.find((n) => n.id === attempt.source);
  const target = playbook.nodes.find((n) => n.id === attempt.target);
  if (!source) return { code: 'edge-unknown-source', nodeId: attempt.source, message: 'unknown source node' };
  if (!target) return { code: 'edge-unknown-target', nodeId: attempt.target, message: 'unknown target node' };
  if (source.id === target.id)
    return { code: 'self-loop', nodeId: source.id, message: 'a node cannot connect to itself' };
  if (target.type === 'entry')
    return { code: 'edge-into-entry', nodeId: target.id, message: 'nothing can lead into the entry node' };
  if (!outHandlesOf(source).some((h) => h.id === attempt.sourceHandle)) {
    return {
      code: 'edge-unknown-handle',
      nodeId: source.id,
      field: `handles.${attempt.sourceHandle}`,
      message: 'this node has no such handle',
    };
  }
  const used = playbook.edges.some((e) => e.source === source.id && e.sourceHandle === attempt.sourceHandle);
  return used
    ? {
        code: 'handle-used-twice',
        nodeId: source.id,
        field: `handles.${attempt.sourceHandle}`,
        message: 'this handle is already connected',
      }
    : null;
}

/**
 * True when the editor may draw this edge (React Flow `isValidConnection`).
 *
 * @example
 * <ReactFlow isValidConnection={(c) => canConnect(playbook, c)} />
 */
export function canConnect(playbook: Pick<Playbook, 'nodes' | 'edges'>, attempt: ConnectionAttempt): boolean {
  return connectionIssue(playbook, attempt) === null;
}

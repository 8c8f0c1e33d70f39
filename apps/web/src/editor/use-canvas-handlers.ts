import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { canConnect, type Playbook, type PlaybookNode } from '@segflow/playbook';
import { useCallback, useRef } from 'react';
import { fromFlow, type PlaybookFlowNode } from './flow-mapping';
import { nextEdgeId } from './node-ids';
import type { HistoryMode, useEditorState } from './use-editor-state';

function historyModeOf(changes: NodeChange[] | EdgeChange[]): HistoryMode {
  return changes.every((c) => c.type === 'select' || c.type === 'dimensions' || c.type === 'position')
    ? 'silent'
    : 'record';
}

/** What the canvas calls on changes, connections and config edits, written into the editor's undoable state. */
export function useCanvasHandlers(state: ReturnType<typeof useEditorState>, playbook: Playbook) {
  const onNodesChange = useCallback(
    (changes: NodeChange<PlaybookFlowNode>[]) =>
      state.update((s) => ({ ...s, nodes: applyNodeChanges(changes, s.nodes) }), historyModeOf(changes)),
    [state],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) =>
      state.update((s) => ({ ...s, edges: applyEdgeChanges(changes, s.edges) }), historyModeOf(changes)),
    [state],
  );
  const playbookRef = useRef(playbook);
  playbookRef.current = playbook;
  const isValidConnection = useCallback(
    (c: Connection | Edge) =>
      canConnect(playbookRef.current, { source: c.source, sourceHandle: c.sourceHandle ?? null, target: c.target }),
    [],
  );
  const onConnect = useCallback(
    (c: Connection) =>
      state.update((s) => {
        if (!canConnect(fromFlow(s.nodes, s.edges, s.settings), c)) return s;
        return {
          ...s,
          edges: [
            ...s.edges,
            {
              id: nextEdgeId(new Set(s.edges.map((e) => e.id))),
              source: c.source,
              sourceHandle: c.sourceHandle,
              target: c.target,
            },
          ],
        };
      }),
    [state],
  );
  const updateConfig = useCallback(
    (nodeId: string, config: PlaybookNode['config']) =>
      state.update((s) => ({ ...s, nodes: s.nodes.map((n) => (n.id === nodeId ? { ...n, data: { config } } : n)) }), {
        coalesce: `config:${nodeId}`,
      }),
    [state],
  );
  return { onNodesChange, onEdgesChange, isValidConnection, onConnect, updateConfig };
}

import { createNode, type NodeType, type PlaybookIssue } from '@segflow/playbook';
import { useReactFlow, type XYPosition } from '@xyflow/react';
import { useCallback, useRef } from 'react';
import { layoutFlow } from './auto-layout';
import { copySelection, pasteClipboard } from './clipboard';
import { toFlow, type PlaybookFlow, type PlaybookFlowNode } from './flow-mapping';
import { nextNodeId } from './node-ids';
import type { EditorCommand } from './shortcuts';
import type { EditorSnapshot, useEditorState } from './use-editor-state';

const PASTE_STEP = 40;

function selectOnly(nodes: PlaybookFlowNode[], ids: Set<string>): PlaybookFlowNode[] {
  return nodes.map((n) => (Boolean(n.selected) === ids.has(n.id) ? n : { ...n, selected: ids.has(n.id) }));
}

function deleteSelection(s: EditorSnapshot): EditorSnapshot {
  const gone = new Set(s.nodes.filter((n) => n.selected && n.type !== 'entry').map((n) => n.id));
  const edges = s.edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
  if (gone.size === 0 && edges.length === s.edges.length) return s;
  return { ...s, nodes: s.nodes.filter((n) => !gone.has(n.id)), edges };
}

/** The editor's commands (toolbar buttons and keyboard shortcuts), over the undoable state. */
export function useEditorCommands(state: ReturnType<typeof useEditorState>, onSave: () => void) {
  const flow = useReactFlow();
  const clipboard = useRef<PlaybookFlow | null>(null);
  const pastes = useRef(0);
  const { update } = state;

  const addNode = useCallback(
    (type: NodeType, screen?: XYPosition) => {
      const bounds = document.querySelector('[data-testid="playbook-canvas"]')?.getBoundingClientRect();
      const point = screen ?? {
        x: (bounds?.left ?? 0) + (bounds?.width ?? 800) / 2,
        y: (bounds?.top ?? 0) + (bounds?.height ?? 600) / 2,
      };
      const position = flow.screenToFlowPosition(point);
      update((s) => {
        const id = nextNodeId(type, new Set(s.nodes.map((n) => n.id)));
        const [node] = toFlow({ nodes: [createNode(type, id, position)], edges: [] }).nodes;
        return { ...s, nodes: [...selectOnly(s.nodes, new Set()), { ...node!, selected: true }] };
      });
    },
    [flow, update],
  );

  const focusIssue = useCallback(
    (issue: PlaybookIssue) => {
      const nodeId = issue.nodeId ?? state.present.edges.find((e) => e.id === issue.edgeId)?.source;
      if (!nodeId || !state.present.nodes.some((n) => n.id === nodeId)) return;
      update((s) => ({ ...s, nodes: selectOnly(s.nodes, new Set([nodeId])) }), 'silent');
      void flow.fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.2 });
    },
    [flow, state.present, update],
  );

  const paste = useCallback(() => {
    const clip = clipboard.current;
    if (!clip || clip.nodes.length === 0) return;
    pastes.current += 1;
    const offset = { x: PASTE_STEP * pastes.current, y: PASTE_STEP * pastes.current };
    update((s) => {
      const pasted = pasteClipboard(clip, s.nodes, s.edges, offset);
      return {
        ...s,
        nodes: [...selectOnly(s.nodes, new Set()), ...pasted.nodes],
        edges: [...s.edges, ...pasted.edges],
      };
    });
  }, [update]);

  const copy = useCallback(() => {
    clipboard.current = copySelection(state.present.nodes, state.present.edges);
    pastes.current = 0;
  }, [state.present]);

  const run = useCallback(
    (command: EditorCommand) => {
      switch (command) {
        case 'undo':
          return state.undo();
        case 'redo':
          return state.redo();
        case 'copy':
          return copy();
        case 'paste':
          return paste();
        case 'duplicate':
          copy();
          return paste();
        case 'delete':
          return update(deleteSelection);
        case 'selectAll':
          return update((s) => ({ ...s, nodes: selectOnly(s.nodes, new Set(s.nodes.map((n) => n.id))) }), 'silent');
        case 'layout':
          update((s) => ({ ...s, nodes: layoutFlow(s.nodes, s.edges) }));
          return void setTimeout(() => void flow.fitView({ duration: 300 }), 50);
        case 'fit':
          return void flow.fitView({ duration: 300 });
        case 'save':
          return onSave();
      }
    },
    [copy, flow, onSave, paste, state, update],
  );

  return { addNode, focusIssue, run };
}

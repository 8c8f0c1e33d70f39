import type { PlaybookSettings } from '@segflow/playbook';
import { useCallback, useRef, useState } from 'react';
import type { PlaybookFlowEdge, PlaybookFlowNode } from './flow-mapping';
import { HISTORY_LIMIT, recordHistory, redoHistory, startHistory, undoHistory } from './history';

/** Everything undo/redo restores. */
export interface EditorSnapshot {
  nodes: PlaybookFlowNode[];
  edges: PlaybookFlowEdge[];
  settings: PlaybookSettings;
}

/** How an update enters the undo history. */
export type HistoryMode =
  /** View-only change (selection, measurement, a drag frame): not an undo step. */
  | 'silent'
  /** One undo step. */
  | 'record'
  /** One undo step for a burst of edits with the same key (typing into one field). */
  | { coalesce: string };

const COALESCE_MS = 1000;

/**
 * The editor's canvas state with undo/redo. Drags are one undo step: call `beginDrag` at drag start and
 * `endDrag` at drag stop; frames in between are silent.
 */
export function useEditorState(initial: EditorSnapshot) {
  const [history, setHistory] = useState(() => startHistory(initial));
  const lastCoalesce = useRef<{ key: string; at: number } | null>(null);
  const dragStart = useRef<EditorSnapshot | null>(null);

  const update = useCallback((change: (present: EditorSnapshot) => EditorSnapshot, mode: HistoryMode = 'record') => {
    let record = mode !== 'silent';
    if (typeof mode === 'object') {
      const now = Date.now();
      const last = lastCoalesce.current;
      record = !(last && last.key === mode.coalesce && now - last.at < COALESCE_MS);
      lastCoalesce.current = { key: mode.coalesce, at: now };
    } else if (mode === 'record') {
      lastCoalesce.current = null;
    }
    setHistory((h) => {
      const next = change(h.present);
      if (next === h.present) return h;
      return record ? recordHistory(h, next) : { ...h, present: next };
    });
  }, []);

  const beginDrag = useCallback(() => setHistory((h) => ((dragStart.current = h.present), h)), []);
  const endDrag = useCallback(() => {
    const before = dragStart.current;
    dragStart.current = null;
    if (!before) return;
    setHistory((h) => {
      const moved = h.present.nodes.some((n) => {
        const old = before.nodes.find((o) => o.id === n.id);
        return !old || old.position.x !== n.position.x || old.position.y !== n.position.y;
      });
      return moved ? { past: [...h.past, before].slice(-HISTORY_LIMIT), present: h.present, future: [] } : h;
    });
  }, []);

  return {
    present: history.present,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    update,
    beginDrag,
    endDrag,
    undo: useCallback(() => setHistory(undoHistory), []),
    redo: useCallback(() => setHistory(redoHistory), []),
    reset: useCallback((snapshot: EditorSnapshot) => setHistory(startHistory(snapshot)), []),
  };
}

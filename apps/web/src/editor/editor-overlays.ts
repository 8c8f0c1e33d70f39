import { createContext, useContext } from 'react';
import type { PlaybookIssue } from '@segflow/playbook';
import type { NodeDeliveryBadge } from '../figures/delivery-figures';
import type { NodeStats, VisitMark } from './canvas-overlays';

/** How a node differs in a version diff. */
export type DiffMark = 'added' | 'removed' | 'changed' | 'moved';

/**
 * View state drawn on top of canvas nodes. Kept out of `node.data` so persisted data stays the config
 * alone and a drag does not re-render every node.
 */
export interface EditorOverlays {
  issues: Record<string, PlaybookIssue[]>;
  visits: Record<string, VisitMark[]>;
  stats: Record<string, NodeStats>;
  /** Delivery figures of send nodes in the analytics version. */
  delivery: Record<string, NodeDeliveryBadge>;
  diff: Record<string, DiffMark>;
}

export const EMPTY_OVERLAYS: EditorOverlays = { issues: {}, visits: {}, stats: {}, delivery: {}, diff: {} };

export const EditorOverlaysContext = createContext<EditorOverlays>(EMPTY_OVERLAYS);

/** The overlays of the canvas a node is drawn on. */
export function useEditorOverlays(): EditorOverlays {
  return useContext(EditorOverlaysContext);
}

/** Undo/redo stacks around a present value. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

/** How many undo steps are kept. */
export const HISTORY_LIMIT = 100;

/**
 * A history with nothing to undo.
 *
 * @example
 * const h = startHistory({ nodes: [], edges: [] });
 */
export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/**
 * Makes `next` the present, remembering the old present for undo and dropping the redo stack.
 *
 * @example
 * h = recordHistory(h, snapshot);
 */
export function recordHistory<T>(history: History<T>, next: T, limit = HISTORY_LIMIT): History<T> {
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-limit), present: next, future: [] };
}

/**
 * Steps back one entry (no-op when there is nothing to undo).
 *
 * @example
 * h = undoHistory(h);
 */
export function undoHistory<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

/**
 * Steps forward one entry (no-op when there is nothing to redo).
 *
 * @example
 * h = redoHistory(h);
 */
export function redoHistory<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}

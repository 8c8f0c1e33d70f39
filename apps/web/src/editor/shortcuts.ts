/** Editor commands reachable from the keyboard. */
export type EditorCommand =
  'undo' | 'redo' | 'copy' | 'paste' | 'duplicate' | 'delete' | 'layout' | 'fit' | 'save' | 'selectAll';

/** The parts of a keyboard event a shortcut depends on. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Shortcut help shown in the editor, in display order. */
export const SHORTCUT_HELP: Array<{ keys: string; command: EditorCommand }> = [
  { keys: 'Ctrl/⌘ Z', command: 'undo' },
  { keys: 'Ctrl/⌘ Shift Z, Ctrl Y', command: 'redo' },
  { keys: 'Ctrl/⌘ C', command: 'copy' },
  { keys: 'Ctrl/⌘ V', command: 'paste' },
  { keys: 'Ctrl/⌘ D', command: 'duplicate' },
  { keys: 'Ctrl/⌘ A', command: 'selectAll' },
  { keys: 'Delete, Backspace', command: 'delete' },
  { keys: 'Shift L', command: 'layout' },
  { keys: 'Shift F', command: 'fit' },
  { keys: 'Ctrl/⌘ S', command: 'save' },
];

/**
 * The editor command for a key press, or null. The caller ignores presses inside form fields.
 *
 * @example
 * commandForKey({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false }); // 'redo'
 */
export function commandForKey(press: KeyPress): EditorCommand | null {
  const key = press.key.toLowerCase();
  const mod = press.ctrlKey || press.metaKey;
  if (press.altKey) return null;
  if (mod) {
    const withMod: Record<string, EditorCommand> = {
      z: press.shiftKey ? 'redo' : 'undo',
      y: 'redo',
      c: 'copy',
      v: 'paste',
      d: 'duplicate',
      s: 'save',
      a: 'selectAll',
    };
    return withMod[key] ?? null;
  }
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (press.shiftKey && key === 'l') return 'layout';
  if (press.shiftKey && key === 'f') return 'fit';
  return null;
}

import { useEffect } from 'react';
import { commandForKey } from './shortcuts';
import type { useEditorCommands } from './use-editor-commands';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Keyboard shortcuts on the canvas (undo, copy, delete, …), not while typing in a field or a dialog is open. */
export function useEditorKeyboard(commands: ReturnType<typeof useEditorCommands>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector('[role="dialog"]')) return;
      const command = commandForKey(event);
      if (!command || (command === 'copy' && window.getSelection()?.toString())) return;
      event.preventDefault();
      commands.run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);
}

import { commandForKey, type KeyPress } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commandForKey', () => {
  it.each([
    [press('z', { ctrlKey: true }), 'undo'],
    [press('Z', { metaKey: true, shiftKey: true }), 'redo'],
    [press('y', { ctrlKey: true }), 'redo'],
    [press('c', { metaKey: true }), 'copy'],
    [press('v', { ctrlKey: true }), 'paste'],
    [press('d', { ctrlKey: true }), 'duplicate'],
    [press('s', { ctrlKey: true }), 'save'],
    [press('Delete'), 'delete'],
    [press('Backspace'), 'delete'],
    [press('L', { shiftKey: true }), 'layout'],
    [press('F', { shiftKey: true }), 'fit'],
  ])('%j → %s', (key, command) => expect(commandForKey(key)).toBe(command));

  it('ignores plain letters and alt combinations', () => {
    expect(commandForKey(press('l'))).toBeNull();
    expect(commandForKey(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

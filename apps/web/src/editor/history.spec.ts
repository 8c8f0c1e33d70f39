import { recordHistory, redoHistory, startHistory, undoHistory } from './history';

describe('recordHistory', () => {
  it('pushes the old present and clears redo', () => {
    const h = recordHistory(undoHistory(recordHistory(startHistory(1), 2)), 3);
    expect(h).toEqual({ past: [1], present: 3, future: [] });
  });

  it('ignores recording the same value', () => {
    const h = startHistory({ a: 1 });
    expect(recordHistory(h, h.present)).toBe(h);
  });

  it('keeps at most `limit` undo steps', () => {
    let h = startHistory(0);
    for (let i = 1; i <= 5; i += 1) h = recordHistory(h, i, 3);
    expect(h.past).toEqual([2, 3, 4]);
  });
});

describe('undoHistory / redoHistory', () => {
  it('walks back and forth', () => {
    const h = recordHistory(recordHistory(startHistory('a'), 'b'), 'c');
    const back = undoHistory(undoHistory(h));
    expect(back.present).toBe('a');
    expect(redoHistory(back).present).toBe('b');
    expect(redoHistory(redoHistory(back))).toEqual(h);
  });

  it('does nothing at either end', () => {
    const h = startHistory('a');
    expect(undoHistory(h)).toBe(h);
    expect(redoHistory(h)).toBe(h);
  });
});

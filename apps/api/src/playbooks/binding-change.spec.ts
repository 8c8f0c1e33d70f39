import { bindingChangeOf } from './binding-change';

describe('bindingChangeOf', () => {
  const hot = { segmentId: 'hot', holdoutPercent: 10 };

  it('names a first binding and a move to another segment "bound"', () => {
    expect(bindingChangeOf(null, hot)).toBe('segment.bound');
    expect(bindingChangeOf(hot, { segmentId: 'warm', holdoutPercent: 10 })).toBe('segment.bound');
  });

  it('names an unbinding, and ignores unbinding what was never bound', () => {
    expect(bindingChangeOf(hot, null)).toBe('segment.unbound');
    expect(bindingChangeOf(null, null)).toBeNull();
  });

  it('names a holdout change on the same segment, and ignores a repeat of the same binding', () => {
    expect(bindingChangeOf(hot, { segmentId: 'hot', holdoutPercent: 20 })).toBe('binding.holdoutChanged');
    expect(bindingChangeOf(hot, { ...hot })).toBeNull();
  });
});

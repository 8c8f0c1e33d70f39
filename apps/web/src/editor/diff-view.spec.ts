import { samplePlaybook } from '@segflow/playbook/testing';
import { diffView } from './diff-view';

describe('diffView', () => {
  const before = samplePlaybook();
  const after = samplePlaybook();
  after.nodes = after.nodes.filter((n) => n.id !== 'noReply');
  after.nodes.push({ id: 'bye', type: 'exit', position: { x: 150, y: 600 }, config: { reason: 'no-reply' } });
  after.edges = after.edges.map((e) => (e.id === 'e7' ? { ...e, target: 'bye' } : e));
  const call = after.nodes.find((n) => n.id === 'call');
  if (call?.type === 'task') call.config.priority = 'urgent';
  const view = diffView(before, after);

  it('marks added, removed and changed nodes', () => {
    expect(view.marks).toEqual({ bye: 'added', noReply: 'removed', call: 'changed' });
  });

  it('draws removed nodes alongside the new graph', () => {
    expect(view.graph.nodes.map((n) => n.id)).toEqual([...after.nodes.map((n) => n.id), 'noReply']);
  });

  it('draws a rewired edge twice: the old one under a distinct id', () => {
    expect(view.graph.edges.filter((e) => e.id.startsWith('e7')).map((e) => [e.id, e.target])).toEqual([
      ['e7', 'bye'],
      ['e7~removed', 'noReply'],
    ]);
    expect([...view.removedEdges]).toEqual(['e7~removed']);
    expect([...view.addedEdges]).toEqual(['e7']);
  });
});

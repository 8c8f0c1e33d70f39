import { samplePlaybook } from '@segflow/playbook/testing';
import { copySelection, pasteClipboard } from './clipboard';
import { toFlow } from './flow-mapping';

const flowWithSelection = (ids: string[]) => {
  const { nodes, edges } = toFlow(samplePlaybook());
  return { nodes: nodes.map((n) => ({ ...n, selected: ids.includes(n.id) })), edges };
};

describe('copySelection', () => {
  it('copies selected nodes and only the edges between them', () => {
    const { nodes, edges } = flowWithSelection(['intro', 'wait2d', 'noReply']);
    const clip = copySelection(nodes, edges);
    expect(clip.nodes.map((n) => n.id)).toEqual(['intro', 'wait2d', 'noReply']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('never copies the entry node', () => {
    const { nodes, edges } = flowWithSelection(['entry', 'intro']);
    expect(copySelection(nodes, edges).nodes.map((n) => n.id)).toEqual(['intro']);
  });
});

describe('pasteClipboard', () => {
  it('gives pasted nodes and edges fresh ids and rewires edges to the copies', () => {
    const { nodes, edges } = flowWithSelection(['intro', 'wait2d']);
    const pasted = pasteClipboard(copySelection(nodes, edges), nodes, edges, { x: 40, y: 40 });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['send-1', 'wait-1']);
    expect(pasted.edges).toEqual([
      expect.objectContaining({ id: 'e9', source: 'send-1', target: 'wait-1', sourceHandle: 'next' }),
    ]);
    expect(new Set(edges.map((e) => e.id)).has(pasted.edges[0]!.id)).toBe(false);
  });

  it('offsets positions and deep-copies config', () => {
    const { nodes, edges } = flowWithSelection(['intro']);
    const clip = copySelection(nodes, edges);
    const pasted = pasteClipboard(clip, nodes, edges, { x: 40, y: 40 });
    expect(pasted.nodes[0]!.position).toEqual({ x: 40, y: 160 });
    expect(pasted.nodes[0]!.data.config).toEqual(nodes[1]!.data.config);
    expect(pasted.nodes[0]!.data.config).not.toBe(nodes[1]!.data.config);
  });

  it('can paste the same clip twice without id clashes', () => {
    const { nodes, edges } = flowWithSelection(['intro']);
    const clip = copySelection(nodes, edges);
    const first = pasteClipboard(clip, nodes, edges, { x: 40, y: 40 });
    const second = pasteClipboard(clip, [...nodes, ...first.nodes], edges, { x: 80, y: 80 });
    expect(second.nodes[0]!.id).toBe('send-2');
  });
});

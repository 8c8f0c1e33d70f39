import { samplePlaybook } from '@segflow/playbook/testing';
import { layoutFlow } from './auto-layout';
import { toFlow } from './flow-mapping';

describe('layoutFlow', () => {
  const { nodes, edges } = toFlow(samplePlaybook());
  const scrambled = nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } }));
  const laid = layoutFlow(scrambled, edges);
  const at = (id: string) => laid.find((n) => n.id === id)!.position;

  it('puts every edge target below its source', () => {
    for (const edge of edges) expect(at(edge.target).y).toBeGreaterThan(at(edge.source).y);
  });

  it('puts siblings side by side without overlap', () => {
    expect(Math.abs(at('call').x - at('noReply').x)).toBeGreaterThanOrEqual(220);
    expect(at('call').y).toBe(at('noReply').y);
  });

  it('changes only positions', () => {
    expect(laid.map(({ position: _p, ...rest }) => rest)).toEqual(scrambled.map(({ position: _p, ...rest }) => rest));
  });
});

import { validatePlaybook, type Playbook } from '@segflow/playbook';
import { buildPlaybook, samplePlaybook } from '@segflow/playbook/testing';
import { fromFlow, toFlow } from './flow-mapping';

const roundTrip = (playbook: Playbook) => {
  const { nodes, edges } = toFlow(playbook);
  return fromFlow(nodes, edges, playbook.settings);
};

describe('toFlow', () => {
  it('makes one canvas node per playbook node, typed by kind, carrying only its config', () => {
    const { nodes } = toFlow(samplePlaybook());
    expect(nodes.map((n) => n.type)).toEqual(samplePlaybook().nodes.map((n) => n.type));
    expect(Object.keys(nodes[1]!.data)).toEqual(['config']);
  });

  it('keeps the entry node from being deleted', () => {
    const { nodes } = toFlow(samplePlaybook());
    expect(nodes.find((n) => n.type === 'entry')?.deletable).toBe(false);
    expect(nodes.filter((n) => n.deletable === false)).toHaveLength(1);
  });

  it('keeps edge handles', () => {
    const { edges } = toFlow(samplePlaybook());
    expect(edges.find((e) => e.id === 'e6')).toEqual({
      id: 'e6',
      source: 'replied',
      sourceHandle: 'yes',
      target: 'call',
    });
  });
});

describe('fromFlow', () => {
  it('round-trips the sample playbook exactly', () => {
    expect(roundTrip(samplePlaybook())).toEqual(samplePlaybook());
  });

  it('round-trips every node kind', () => {
    const playbook = buildPlaybook({
      nodes: [
        { id: 'r', type: 'route', config: { rule: { kind: 'roundRobin', teamId: 't' } } },
        {
          id: 'w',
          type: 'wait',
          config: {
            mode: 'businessWindow',
            calendar: {
              timeZone: 'lead',
              workingHours: { days: [1, 2, 3], start: '09:00', end: '17:00' },
              holidays: [],
            },
          },
        },
        {
          id: 'ab',
          type: 'split',
          config: {
            variants: [
              { key: 'a', label: 'A', weight: 30 },
              { key: 'b', label: 'B', weight: 70 },
            ],
          },
        },
        { id: 'x', type: 'exit', config: { reason: 'done' } },
      ],
      edges: ['entry.next->r', 'r.next->w', 'w.next->ab', 'ab.a->x', 'ab.b->x'],
    });
    expect(roundTrip(playbook)).toEqual(playbook);
    expect(validatePlaybook(roundTrip(playbook))).toEqual([]);
  });

  it('drops view state React Flow adds (selection, measurement, dragging)', () => {
    const { nodes, edges } = toFlow(samplePlaybook());
    const touched = nodes.map((n) => ({ ...n, selected: true, dragging: false, measured: { width: 200, height: 80 } }));
    const animated = edges.map((e) => ({ ...e, animated: true, selected: true }));
    expect(fromFlow(touched, animated, samplePlaybook().settings)).toEqual(samplePlaybook());
  });

  it('stores a missing source handle as empty, which validation then reports', () => {
    const { nodes, edges } = toFlow(samplePlaybook());
    const playbook = fromFlow(
      nodes,
      [{ ...edges[0]!, sourceHandle: null }, ...edges.slice(1)],
      samplePlaybook().settings,
    );
    expect(playbook.edges[0]!.sourceHandle).toBe('');
    expect(validatePlaybook(playbook).length).toBeGreaterThan(0);
  });
});

import { diffPlaybooks, isEmptyDiff } from './diff-playbooks';
import { samplePlaybook } from './testing';

describe('diffPlaybooks', () => {
  it('finds nothing between a playbook and its copy', () => {
    const diff = diffPlaybooks(samplePlaybook(), samplePlaybook());
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.movedNodes).toEqual([]);
  });

  it('reports added and removed nodes and edges by id', () => {
    const a = samplePlaybook();
    const b = samplePlaybook();
    b.nodes = b.nodes.filter((n) => n.id !== 'noReply');
    b.edges = b.edges.filter((e) => e.id !== 'e7');
    b.nodes.push({ id: 'bye', type: 'exit', position: { x: 300, y: 600 }, config: { reason: 'no-reply' } });
    b.edges.push({ id: 'e9', source: 'replied', sourceHandle: 'no', target: 'bye' });
    const diff = diffPlaybooks(a, b);
    expect(diff.addedNodes).toEqual(['bye']);
    expect(diff.removedNodes).toEqual(['noReply']);
    expect(diff.addedEdges).toEqual(['e9']);
    expect(diff.removedEdges).toEqual(['e7']);
  });

  it('names the config fields that changed', () => {
    const b = samplePlaybook();
    const intro = b.nodes.find((n) => n.id === 'intro');
    if (intro?.type !== 'send') throw new Error('fixture changed');
    intro.config.subject = 'New subject';
    intro.config.sender = { kind: 'fixed', name: 'Team', address: 'team@segflow.io' };
    expect(diffPlaybooks(samplePlaybook(), b).changedNodes).toEqual([
      {
        nodeId: 'intro',
        fields: ['config.sender.address', 'config.sender.kind', 'config.sender.name', 'config.subject'],
      },
    ]);
  });

  it('reports a kind change as a change of type', () => {
    const b = samplePlaybook();
    b.nodes = b.nodes.map((n) =>
      n.id === 'noReply'
        ? {
            id: n.id,
            position: n.position,
            type: 'goal' as const,
            config: { eventTypes: ['demo_booked' as const], windowMinutes: 0 },
          }
        : n,
    );
    expect(diffPlaybooks(samplePlaybook(), b).changedNodes).toEqual([{ nodeId: 'noReply', fields: ['type'] }]);
  });

  it('keeps moves apart from behavioural changes', () => {
    const b = samplePlaybook();
    b.nodes[1] = { ...b.nodes[1]!, position: { x: 500, y: 500 } };
    const diff = diffPlaybooks(samplePlaybook(), b);
    expect(diff.movedNodes).toEqual(['intro']);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('treats a rewired edge with the same id as removed and added', () => {
    const b = samplePlaybook();
    b.edges = b.edges.map((e) => (e.id === 'e7' ? { ...e, target: 'call' } : e));
    const diff = diffPlaybooks(samplePlaybook(), b);
    expect(diff.removedEdges).toEqual(['e7']);
    expect(diff.addedEdges).toEqual(['e7']);
  });

  it('lists changed settings keys', () => {
    const b = samplePlaybook();
    b.settings = { ...b.settings, maxTouchesPerDay: 3, quietHours: null };
    expect(diffPlaybooks(samplePlaybook(), b).changedSettings).toEqual(['maxTouchesPerDay', 'quietHours']);
  });
});

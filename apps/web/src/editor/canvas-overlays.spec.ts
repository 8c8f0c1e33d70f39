import { simulateRun } from '@segflow/playbook';
import { sampleLead, samplePlaybook } from '@segflow/playbook/testing';
import { edgesOnPath, issuesByNode, statsByNode, visitsByNode } from './canvas-overlays';

describe('issuesByNode', () => {
  it('groups by node and puts node-less issues under the empty key', () => {
    const grouped = issuesByNode([
      { code: 'split-weights', nodeId: 'ab', message: 'x' },
      { code: 'goal-events-empty', message: 'y' },
      { code: 'handle-unconnected', nodeId: 'ab', message: 'z' },
    ]);
    expect(grouped.ab?.map((i) => i.message)).toEqual(['x', 'z']);
    expect(grouped['']?.map((i) => i.message)).toEqual(['y']);
  });
});

describe('visitsByNode / edgesOnPath', () => {
  const playbook = samplePlaybook();
  const sim = simulateRun({
    playbook,
    lead: sampleLead(),
    startAt: new Date('2026-03-02T05:00:00Z'),
    events: [{ kind: 'event', at: '2026-03-05T06:00:00Z', event: { type: 'email_reply' } }],
  });

  it('marks each visited node with its simulated time', () => {
    const visits = visitsByNode(sim.path);
    expect(Object.keys(visits)).toEqual(['entry', 'intro', 'wait2d', 'reply', 'replied', 'call', 'booked']);
    expect(visits.reply?.[0]?.outcome).toBe('matched');
    expect(visits.reply?.[0]?.enteredAt).toBe('2026-03-04T05:00:00.000Z');
  });

  it('finds the edges the run walked and none it did not', () => {
    expect([...edgesOnPath(sim.path, playbook.edges)].sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e6', 'e8']);
  });
});

describe('statsByNode', () => {
  it('keys rows by node id', () => {
    expect(statsByNode([{ nodeId: 'a', reached: 3, waiting: 1, exited: 0, converted: 1 }]).a?.reached).toBe(3);
  });
});

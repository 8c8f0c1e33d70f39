import { sampleLead, samplePlaybook } from '../testing';
import { startRun } from './start-run';

const now = new Date('2026-03-02T05:00:00Z'); // Monday 10:30 in Kolkata

describe('startRun', () => {
  it('walks from the entry to the first send and waits for its result', () => {
    const step = startRun({ playbook: samplePlaybook(), lead: sampleLead(), now, runId: 'run-1' });
    expect(step.state.status).toBe('active');
    expect(step.state.path.map((p) => [p.nodeId, p.outcome])).toEqual([
      ['entry', 'next'],
      ['intro', undefined],
    ]);
    expect(step.state.waiting).toEqual({ kind: 'commandResult', nodeId: 'intro', visit: 1 });
    expect(step.commands).toEqual([
      {
        kind: 'sendTouch',
        idempotencyKey: 'run-1:intro:1',
        nodeId: 'intro',
        visit: 1,
        leadId: 'lead-1',
        channel: 'email',
        subject: 'Acme and Warm APAC teams',
        body: 'Hi Priya,\n\nWorth a quick call?\n\nRahul',
        sender: { kind: 'owner', ownerId: 'rep-1', name: 'Rahul', address: 'rahul@segflow.io' },
      },
    ]);
    expect(step.state.touchesPerDay).toEqual({ '2026-03-02': 1 });
  });

  it("renders an email node's HTML template with values escaped, and its subject without line breaks", () => {
    const playbook = samplePlaybook();
    const intro = playbook.nodes.find((n) => n.id === 'intro')!;
    Object.assign(intro.config, {
      subject: 'Hi {{ lead.firstName }}\n',
      html: '<p>Hi {{ lead.firstName | default: "there" }} at {{ lead.company }}</p>',
    });
    const step = startRun({
      playbook,
      lead: sampleLead({ firstName: 'Priya\r\nBcc: x@y.z', company: 'A&B <Ltd>' }),
      now,
      runId: 'run-1',
    });
    expect(step.commands).toEqual([
      expect.objectContaining({
        subject: 'Hi Priya Bcc: x@y.z',
        html: '<p>Hi Priya\r\nBcc: x@y.z at A&amp;B &lt;Ltd&gt;</p>',
      }),
    ]);
  });

  it('is deterministic and does not share the lead object', () => {
    const lead = sampleLead();
    const a = startRun({ playbook: samplePlaybook(), lead, now, runId: 'r' });
    const b = startRun({ playbook: samplePlaybook(), lead, now, runId: 'r' });
    expect(a).toEqual(b);
    a.state.lead.unsubscribedChannels.push('email');
    expect(lead.unsubscribedChannels).toEqual([]);
  });

  it('ends a run of a playbook without an entry node as completed', () => {
    const playbook = { ...samplePlaybook(), nodes: samplePlaybook().nodes.filter((n) => n.type !== 'entry') };
    const step = startRun({ playbook, lead: sampleLead(), now, runId: 'r' });
    expect(step.state.status).toBe('completed');
    expect(step.commands).toEqual([{ kind: 'complete', status: 'completed', reason: 'no-entry-node' }]);
  });
});

import type { LeadDetail } from '../api/leads';
import type { Run } from '../api/runs';
import { buildLeadTimeline } from './lead-timeline';

const lead: LeadDetail = {
  id: 'l1', externalId: 'x', name: 'Priya', email: null, company: null, city: null, country: null, createdAt: '2026-03-01T00:00:00Z', intakeRecordedAt: null,
  segment: null, ownerId: null, score: null,
  events: [{ type: 'email_open', occurredAt: '2026-03-01T10:00:00Z', channel: 'email' }],
  memberships: [{ segmentId: 's1', segmentName: 'Warm', enteredAt: '2026-03-01T10:00:01Z', exitedAt: '2026-03-03T00:00:00Z' }],
};
const run: Run = {
  id: 'r1', leadId: 'l1', playbookId: 'p1', playbookVersion: 2, status: 'active', currentNodeId: 'wait2d', startedAt: '2026-03-01T10:00:02Z', temporalWorkflowId: 'wf',
  touches: [{ id: 't1', runId: 'r1', nodeId: 'intro', channel: 'email', subject: 'Hi', body: 'b', status: 'sent', createdAt: '2026-03-01T10:00:03Z' }],
  tasks: [{ id: 'k1', runId: 'r1', nodeId: 'call', taskType: 'call', title: 'Call', status: 'open', dueAt: '2026-03-02T00:00:00Z', createdAt: '2026-03-01T10:00:04Z' }],
};

describe('buildLeadTimeline', () => {
  const items = buildLeadTimeline(lead, [run], [run.touches![0]!]);

  it('merges every kind, newest first', () => {
    expect(items.map((i) => i.kind)).toEqual(['segment', 'task', 'touch', 'run', 'segment', 'event']);
  });

  it('lists a touch found twice only once', () => {
    expect(items.filter((i) => i.kind === 'touch')).toHaveLength(1);
  });

  it('names the run version and current node', () => {
    expect(items.find((i) => i.kind === 'run')).toMatchObject({ title: 'Playbook run started (v2)', detail: 'status active, at wait2d', runId: 'r1' });
  });

  it('copes with a lead detail that has no events or memberships', () => {
    const bare: LeadDetail = { ...lead, events: undefined, memberships: undefined };
    expect(buildLeadTimeline(bare, [], [])).toEqual([]);
  });
});

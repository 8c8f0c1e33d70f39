import type { LeadDetail, RunDetail } from '@segflow/api-contracts';
import { buildLeadTimeline } from './lead-timeline';

const lead: LeadDetail = {
  id: 'l1',
  externalId: 'x',
  name: 'Priya',
  email: null,
  company: null,
  industry: null,
  headcount: null,
  city: null,
  country: null,
  timezone: null,
  consent: { email: true, whatsapp: true, linkedin: false },
  attributes: {},
  createdAt: '2026-03-01T00:00:00Z',
  intakeRecordedAt: null,
  segment: null,
  ownerId: null,
  score: null,
  conversionProbability: null,
  features: null,
  eventCount: 1,
  convertedAt: null,
  events: [
    {
      eventId: 'e1',
      type: 'email_open',
      occurredAt: '2026-03-01T10:00:00Z',
      receivedAt: '2026-03-01T10:00:00Z',
      channel: 'email',
      properties: {},
    },
  ],
  memberships: [
    {
      membershipId: 'm1',
      segmentId: 's1',
      segmentName: 'Warm',
      enteredAt: '2026-03-01T10:00:01Z',
      exitedAt: '2026-03-03T00:00:00Z',
      reason: 'model',
      exitReason: 'model',
      triggerEventId: null,
    },
  ],
};
const run: RunDetail = {
  id: 'r1',
  leadId: 'l1',
  playbookId: 'p1',
  playbookVersion: 2,
  segmentId: null,
  status: 'active',
  exitReason: null,
  currentNodeId: 'wait2d',
  startedAt: '2026-03-01T10:00:02Z',
  endedAt: null,
  temporalWorkflowId: 'wf',
  temporalUrl: null,
  path: [],
  touches: [
    {
      id: 't1',
      runId: 'r1',
      leadId: 'l1',
      nodeId: 'intro',
      visit: 1,
      channel: 'email',
      subject: 'Hi',
      body: 'b',
      status: 'sent',
      error: null,
      providerMessageId: null,
      sender: { kind: 'team', ownerId: null, name: 'Sales', address: null },
      createdAt: '2026-03-01T10:00:03Z',
    },
  ],
  tasks: [
    {
      id: 'k1',
      runId: 'r1',
      leadId: 'l1',
      nodeId: 'call',
      visit: 1,
      taskType: 'call',
      title: 'Call',
      description: null,
      priority: 'normal',
      assigneeId: null,
      waitForCompletion: false,
      status: 'open',
      outcome: null,
      dueAt: '2026-03-02T00:00:00Z',
      createdAt: '2026-03-01T10:00:04Z',
      closedAt: null,
    },
  ],
};

describe('buildLeadTimeline', () => {
  const items = buildLeadTimeline(lead, [run], [run.touches[0]!]);

  it('merges every kind, newest first', () => {
    expect(items.map((i) => i.kind)).toEqual(['segment', 'task', 'touch', 'run', 'segment', 'event']);
  });

  it('lists a touch found twice only once', () => {
    expect(items.filter((i) => i.kind === 'touch')).toHaveLength(1);
  });

  it('names the run version and current node', () => {
    expect(items.find((i) => i.kind === 'run')).toMatchObject({
      title: 'Playbook run started (v2)',
      detail: 'status active, at wait2d',
      runId: 'r1',
    });
  });

  it('is empty for a lead with no events, memberships or runs', () => {
    expect(buildLeadTimeline({ ...lead, events: [], memberships: [] }, [], [])).toEqual([]);
  });

  it("carries a classified reply's intent, and none for other events", () => {
    const intent = { intent: 'pricing', confidence: 0.91, language: 'hi-Latn', model: 'm' };
    const reply = {
      eventId: 'e2',
      type: 'whatsapp_reply',
      occurredAt: '2026-03-04T10:00:00Z',
      receivedAt: '2026-03-04T10:00:00Z',
      channel: 'whatsapp',
      properties: { text: 'price kya hai?', intent },
    };
    const withReply = buildLeadTimeline({ ...lead, events: [...lead.events, reply], memberships: [] }, [], []);
    expect(withReply.map((i) => [i.title, i.intent?.intent ?? null])).toEqual([
      ['whatsapp_reply', 'pricing'],
      ['email_open', null],
    ]);
  });
});

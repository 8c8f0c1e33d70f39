import { describeWhyNow } from './why-now';

const now = new Date('2026-03-05T12:00:00Z');
const base = {
  id: 't1',
  title: 'Call',
  description: null,
  taskType: 'call',
  priority: 'high',
  dueAt: '',
  createdAt: '',
  assigneeId: 'r1',
  runId: null,
  nodeId: null,
  slaBreached: false,
  score: 2,
  step: null,
  lead: { id: 'l1', name: 'Asha', company: null, email: null, phone: null, city: null, country: null },
};

describe('describeWhyNow', () => {
  it('names the segment entry, the SLA clock and the strongest signals first', () => {
    const reasons = describeWhyNow(
      {
        ...base,
        segment: { id: 's', name: 'High intent', enteredAt: '2026-03-05T11:50:00Z', enterReason: 'pricing visits' },
        slaDueAt: '2026-03-05T12:20:00Z',
        recentEvents: [
          { type: 'email_open', occurredAt: '2026-03-05T11:00:00Z', data: {} },
          { type: 'page_view', occurredAt: '2026-03-05T11:45:00Z', data: { url: '/pricing' } },
          { type: 'email_reply', occurredAt: '2026-03-03T12:00:00Z', data: {} },
        ],
      },
      now,
    );
    expect(reasons).toEqual([
      'entered High intent 10 min ago (pricing visits)',
      'first touch due in 20 min',
      'email reply 2 d ago',
      'page view 15 min ago /pricing',
      'email open 1 h ago',
    ]);
  });

  it('says by how much a missed SLA was missed', () => {
    expect(describeWhyNow({ ...base, segment: null, slaDueAt: '2026-03-05T11:15:00Z', recentEvents: [] }, now)).toEqual(
      ['first-touch SLA missed by 45 min'],
    );
  });
});

import { describeWhyNow, latestReplyIntent } from './why-now';

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
  touch: null,
  slaBreached: false,
  score: 2,
  step: null,
  lead: {
    id: 'l1',
    name: 'Asha',
    company: null,
    email: null,
    phone: null,
    linkedinUrl: null,
    city: null,
    country: null,
  },
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

  it("says what a classified reply asks for, with the classifier's confidence", () => {
    const intent = { intent: 'meeting_request', confidence: 0.874, language: 'hi-Latn', model: 'm' };
    const reasons = describeWhyNow(
      {
        ...base,
        segment: null,
        slaDueAt: null,
        recentEvents: [
          {
            type: 'whatsapp_reply',
            occurredAt: '2026-03-05T11:55:00Z',
            data: { properties: { text: 'kal call karo', intent } },
          },
        ],
      },
      now,
    );
    expect(reasons).toEqual(['whatsapp reply 5 min ago: meeting request (87%)']);
  });
});

describe('latestReplyIntent', () => {
  const intent = (name: string) => ({ intent: name, confidence: 0.9, language: 'en', model: 'm' });
  const event = (type: string, properties?: Record<string, unknown>) => ({
    type,
    occurredAt: '2026-03-05T11:00:00Z',
    data: properties ? { properties } : {},
  });

  it('is the intent of the newest classified reply', () => {
    expect(
      latestReplyIntent([
        event('email_open', { intent: intent('pricing') }),
        event('email_reply', { text: '' }),
        event('whatsapp_reply', { text: 'price?', intent: intent('pricing') }),
        event('email_reply', { text: 'later', intent: intent('later') }),
      ]),
    ).toEqual(intent('pricing'));
  });

  it('is null without a classified reply', () => {
    expect(latestReplyIntent([event('page_view'), event('linkedin_reply', { text: 'hi' })])).toBeNull();
  });
});

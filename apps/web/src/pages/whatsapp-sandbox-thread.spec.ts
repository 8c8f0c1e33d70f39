import type { SandboxMessage } from '@segflow/api-contracts';
import { describeAnswerOutcome, messageToAnswer } from './whatsapp-sandbox-thread';

const message = (wamid: string, direction: SandboxMessage['direction']): SandboxMessage => ({
  wamid,
  phone: '+919812345678',
  direction,
  type: 'text',
  body: wamid,
  template: null,
  contextWamid: null,
  callbackData: null,
  status: 'delivered',
  createdAt: '2026-03-02T10:00:00.000Z',
});

describe('messageToAnswer', () => {
  it("quotes the newest outbound message, skipping the lead's own", () => {
    expect(messageToAnswer([message('a', 'outbound'), message('b', 'outbound'), message('c', 'inbound')])?.wamid).toBe(
      'b',
    );
  });

  it('quotes nothing when we never wrote', () => {
    expect(messageToAnswer([message('c', 'inbound')])).toBeNull();
    expect(messageToAnswer([])).toBeNull();
  });
});

describe('describeAnswerOutcome', () => {
  it('says whether the webhook matched a lead', () => {
    expect(describeAnswerOutcome({ events: 1, unmatched: [], unreadable: 0 })).toMatch(/1 event recorded/);
    expect(describeAnswerOutcome({ events: 0, unmatched: ['wamid.x'], unreadable: 0 })).toMatch(/unmatched/);
  });
});

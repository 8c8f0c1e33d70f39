import { simpleParser } from 'mailparser';
import { classifyInboundMail, isUnsubscribeRequest } from './classify-inbound-mail';

async function classify(headerLines: readonly string[], body = 'Hello') {
  const raw = [...headerLines, 'From: a@example.in', 'To: b@reply.segflow.test', '', body, ''].join('\r\n');
  const mail = await simpleParser(Buffer.from(raw));
  return classifyInboundMail(mail.headers, mail.subject ?? '', raw);
}

describe('classifyInboundMail', () => {
  it('takes a person’s message for a reply, also with Auto-Submitted: no', async () => {
    expect(await classify(['Subject: Re: pricing'])).toEqual({ kind: 'reply' });
    expect(await classify(['Subject: Re: pricing', 'Auto-Submitted: no'])).toEqual({ kind: 'reply' });
  });

  it.each([
    [['Subject: Re: pricing', 'Auto-Submitted: auto-replied'], 'Auto-Submitted: auto-replied'],
    [['Subject: Re: pricing', 'Auto-Submitted: auto-generated'], 'Auto-Submitted: auto-generated'],
    [['Subject: Re: pricing', 'X-Autoreply: yes'], 'X-Autoreply'],
    [['Subject: Re: pricing', 'X-Autorespond: yes'], 'X-Autorespond'],
    [['Subject: Re: pricing', 'Precedence: bulk'], 'Precedence: bulk'],
    [['Subject: Out of Office: back Monday'], 'subject'],
    [['Subject: Automatic reply: Pricing for your team'], 'subject'],
  ])('recognises an automatic answer by %j', async (headers, reason) => {
    expect(await classify(headers)).toEqual({ kind: 'auto_reply', reason });
  });

  it('reads a DSN’s status as a hard (5.x.x) or soft (4.x.x) bounce, and ignores a delivered (2.x.x) report', async () => {
    const report = (status: string) =>
      [
        [
          'Subject: Delivery Status Notification',
          'Auto-Submitted: auto-replied',
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=delivery-status; boundary="X"',
        ],
        [
          '--X',
          'Content-Type: message/delivery-status',
          '',
          'Final-Recipient: rfc822; lead@example.in',
          `Status: ${status}`,
          '',
          '--X--',
        ].join('\r\n'),
      ] as const;
    expect(await classify(...report('5.1.1'))).toEqual({
      kind: 'bounce',
      bounceType: 'hard',
      status: '5.1.1',
      recipient: 'lead@example.in',
    });
    expect(await classify(...report('4.4.7'))).toEqual({
      kind: 'bounce',
      bounceType: 'soft',
      status: '4.4.7',
      recipient: 'lead@example.in',
    });
    expect(await classify(...report('2.0.0'))).toEqual({ kind: 'auto_reply', reason: 'Auto-Submitted: auto-replied' });
  });

  it('takes a person’s message with subject exactly "unsubscribe" (any case) for a List-Unsubscribe mailto:, and nothing else', async () => {
    const unsubscribe = async (subject: string, extra: string[] = []) =>
      isUnsubscribeRequest(await classify([`Subject: ${subject}`, ...extra]), subject);
    expect(await unsubscribe('unsubscribe')).toBe(true);
    expect(await unsubscribe(' Unsubscribe ')).toBe(true);
    expect(await unsubscribe('Re: unsubscribe')).toBe(false);
    expect(await unsubscribe('please unsubscribe me')).toBe(false);
    expect(await unsubscribe('unsubscribe', ['Auto-Submitted: auto-replied'])).toBe(false);
  });
});

import { createServer } from 'node:net';
import { replyAddress } from '@segflow/channels';
import { createTransport, Transporter } from 'nodemailer';
import { segflowSigner } from '../common/segflow-signer';
import { dsnMessage } from '../testing/dsn-fixture';
import { SlaFixtures } from '../testing/sla-fixtures';
import { MAX_MAIL_BYTES } from './mail-limits';
import { SmtpInboundServer } from './smtp-inbound.server';
import { startTestApi, TestApi } from '../testing/test-api';
import { createEmailTouch, EmailTouchFixture } from '../testing/touch-fixtures';

const SECRET = 'inbound-mail-spec-segflow-secret';
const INBOUND_SECRET = 'inbound-mail-spec-post-secret';
const DOMAIN = 'reply.segflow.test';
const sign = segflowSigner(SECRET);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls until `read` returns something (mail processing runs after the SMTP server accepted the message). */
async function eventually<T>(read: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('inbound email (embedded SMTP server, POST /api/inbound/email, sandbox mailbox)', () => {
  let api: TestApi;
  let fixtures: SlaFixtures;
  let smtp: Transporter;
  let smtpPort: number;

  beforeAll(async () => {
    smtpPort = await freePort();
    api = await startTestApi({
      SEGFLOW_SECRET: SECRET,
      INBOUND_EMAIL_SECRET: INBOUND_SECRET,
      INBOUND_EMAIL_DOMAIN: DOMAIN,
      INBOUND_SMTP_PORT: String(smtpPort),
      MAIL_SANDBOX: 'on',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      OUTBOX_DISPATCHER: 'off',
    });
    fixtures = await SlaFixtures.connect(api.config.DATABASE_URL);
    smtp = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false });
  });
  afterAll(async () => {
    smtp?.close();
    await fixtures?.close();
    await api?.close();
  });

  const inbound = async (providerId: string) =>
    (
      await fixtures.db.query(
        `SELECT kind, touch_id::text AS "touchId", lead_id::text AS "leadId", text, details, event_id AS "eventId" FROM inbound_messages WHERE provider_id = $1`,
        [providerId],
      )
    ).rows[0];
  const eventsOf = async (leadId: string, type: string) =>
    (
      await fixtures.db.query(`SELECT event_id AS "eventId", data FROM events WHERE lead_id = $1 AND type = $2`, [
        leadId,
        type,
      ])
    ).rows;
  let touch: EmailTouchFixture;
  beforeEach(async () => {
    touch = await createEmailTouch(fixtures, `asha.${Math.random().toString(36).slice(2, 8)}@example.in`);
  });

  it('turns a reply to the reply address into one email_reply threaded to the touch, quoted history stripped, once per Message-ID', async () => {
    const message = {
      from: touch.address,
      to: replyAddress(touch.touchId, DOMAIN, sign),
      subject: 'Re: Pricing for your team',
      messageId: '<reply-1@example.in>',
      text: 'Haan ji, kal 11 baje call kar lijiye.\n\nOn Mon, 1 Dec 2025 at 10:00, Segflow <sales@mail.segflow.test> wrote:\n> Shall we talk pricing?',
    };
    await smtp.sendMail(message);
    await smtp.sendMail(message);
    const row = await eventually(() => inbound('reply-1@example.in'), 'the reply');
    expect(row).toMatchObject({
      kind: 'reply',
      touchId: touch.touchId,
      leadId: touch.leadId,
      text: 'Haan ji, kal 11 baje call kar lijiye.',
      eventId: 'email:reply-1@example.in',
    });
    expect(row.details.threadedBy).toBe('reply-address');
    const events = await eventsOf(touch.leadId, 'email_reply');
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      replyTo: { touchId: touch.touchId },
      properties: {
        text: 'Haan ji, kal 11 baje call kar lijiye.',
        messageId: 'reply-1@example.in',
        intent: expect.objectContaining({ language: 'hi-Latn', model: expect.stringMatching(/^intent-lr-/) }),
      },
    });
  });

  it('threads by In-Reply-To when the reply token is missing', async () => {
    await smtp.sendMail({
      from: touch.address,
      to: `sales@${DOMAIN}`,
      subject: 'Re: Pricing',
      messageId: '<reply-2@example.in>',
      inReplyTo: touch.messageId,
      text: 'Send the quote please.',
    });
    const row = await eventually(() => inbound('reply-2@example.in'), 'the reply');
    expect(row).toMatchObject({ kind: 'reply', touchId: touch.touchId, eventId: 'email:reply-2@example.in' });
    expect(row.details.threadedBy).toBe('message-id');
    expect(await eventsOf(touch.leadId, 'email_reply')).toHaveLength(1);
  });

  it('records an out-of-office answer as auto_reply without an event', async () => {
    await smtp.sendMail({
      from: touch.address,
      to: replyAddress(touch.touchId, DOMAIN, sign),
      subject: 'Out of office: back on Monday',
      messageId: '<ooo-1@example.in>',
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am on leave till Monday.',
    });
    const row = await eventually(() => inbound('ooo-1@example.in'), 'the auto-reply');
    expect(row).toMatchObject({ kind: 'auto_reply', touchId: touch.touchId, eventId: null });
    expect(row.details.autoReply).toBe('Auto-Submitted: auto-replied');
    expect(await eventsOf(touch.leadId, 'email_reply')).toEqual([]);
  });

  it.each([
    ['5.1.1', 'hard'],
    ['4.2.2', 'soft'],
  ])(
    'turns a DSN with status %s into a %s email_bounce threaded by the bounced Message-ID',
    async (status, bounceType) => {
      const dsnId = `<dsn-${status}@mx.example.in>`;
      await smtp.sendMail({
        envelope: { from: '', to: [`bounces@${DOMAIN}`] },
        raw: dsnMessage({
          status,
          to: `bounces@${DOMAIN}`,
          recipient: 'asha@example.in',
          originalMessageId: touch.messageId,
          messageId: dsnId,
        }),
      });
      const row = await eventually(() => inbound(dsnId.slice(1, -1)), 'the bounce');
      expect(row).toMatchObject({
        kind: 'bounce',
        touchId: touch.touchId,
        details: { bounceType, status, recipient: 'asha@example.in' },
      });
      const events = await eventsOf(touch.leadId, 'email_bounce');
      expect(events.map((e: any) => e.data)).toEqual([
        expect.objectContaining({
          replyTo: { touchId: touch.touchId },
          properties: expect.objectContaining({ bounceType, status }),
        }),
      ]);
    },
  );

  it('turns mail to the reply address with subject "unsubscribe" (List-Unsubscribe mailto:) into an unsubscribe on email, not a reply', async () => {
    await smtp.sendMail({
      from: touch.address,
      to: replyAddress(touch.touchId, DOMAIN, sign),
      subject: 'Unsubscribe',
      messageId: '<unsub-1@example.in>',
      text: '',
    });
    const row = await eventually(() => inbound('unsub-1@example.in'), 'the unsubscribe mail');
    expect(row).toMatchObject({
      kind: 'opt_out',
      touchId: touch.touchId,
      leadId: touch.leadId,
      eventId: `unsubscribe:${touch.touchId}:email`,
    });
    const events = await eventsOf(touch.leadId, 'unsubscribe');
    expect(events.map((e: any) => e.data)).toEqual([
      expect.objectContaining({
        channel: 'email',
        replyTo: { touchId: touch.touchId },
        properties: expect.objectContaining({ source: 'list-unsubscribe-mailto' }),
      }),
    ]);
    expect(await eventsOf(touch.leadId, 'email_reply')).toEqual([]);
    const consent = await fixtures.db.query(`SELECT (consent->>'email')::boolean AS email FROM leads WHERE id = $1`, [
      touch.leadId,
    ]);
    expect(consent.rows).toEqual([{ email: false }]);

    // "Re: unsubscribe" is a person answering, and an unthreaded "unsubscribe" names no lead: both stay what they are.
    await smtp.sendMail({
      from: touch.address,
      to: replyAddress(touch.touchId, DOMAIN, sign),
      subject: 'Re: unsubscribe',
      messageId: '<unsub-2@example.in>',
      text: 'Why?',
    });
    await smtp.sendMail({
      from: touch.address,
      to: `sales@${DOMAIN}`,
      subject: 'unsubscribe',
      messageId: '<unsub-3@example.in>',
      inReplyTo: touch.messageId,
      text: '',
    });
    expect(await eventually(() => inbound('unsub-2@example.in'), 'the reply')).toMatchObject({ kind: 'reply' });
    expect(await eventually(() => inbound('unsub-3@example.in'), 'the threaded mail')).toMatchObject({
      kind: 'reply',
      details: { threadedBy: 'message-id' },
    });
  });

  it('keeps mail it cannot thread as unmatched, without an event', async () => {
    await smtp.sendMail({
      from: 'someone@example.in',
      to: `sales@${DOMAIN}`,
      subject: 'Hello',
      messageId: '<stray-1@example.in>',
      text: 'Who is this?',
    });
    expect(await eventually(() => inbound('stray-1@example.in'), 'the stray mail')).toMatchObject({
      kind: 'unmatched',
      touchId: null,
      eventId: null,
    });
  });

  it('refuses POST /api/inbound/email without or with a wrong secret, storing nothing, and processes it with the right one', async () => {
    const raw = [
      'From: ' + touch.address,
      `To: ${replyAddress(touch.touchId, DOMAIN, sign)}`,
      'Subject: Re: Pricing',
      'Message-ID: <posted-1@example.in>',
      '',
      'Yes please.',
      '',
    ].join('\r\n');
    const post = (authorization?: string) =>
      api.app.inject({
        method: 'POST',
        url: '/api/inbound/email',
        payload: raw,
        headers: { 'content-type': 'message/rfc822', ...(authorization ? { authorization } : {}) },
      });
    expect((await post()).statusCode).toBe(401);
    expect((await post('Bearer not-the-inbound-secret')).statusCode).toBe(401);
    expect(await inbound('posted-1@example.in')).toBeUndefined();
    const accepted = await post(`Bearer ${INBOUND_SECRET}`);
    expect(accepted.statusCode).toBe(200);
    expect(JSON.parse(accepted.body)).toMatchObject({ kind: 'reply', touchId: touch.touchId, duplicate: false });
    expect(JSON.parse((await post(`Bearer ${INBOUND_SECRET}`)).body)).toMatchObject({ duplicate: true });
    expect(await eventsOf(touch.leadId, 'email_reply')).toHaveLength(1);
    const tooLarge = await api.app.inject({
      method: 'POST',
      url: '/api/inbound/email',
      payload: `${raw}${'x'.repeat(MAX_MAIL_BYTES)}`,
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${INBOUND_SECRET}` },
    });
    expect(tooLarge.statusCode).toBe(413);
  });

  it('catches mail to other domains in the sandbox, and a reply as the lead comes back as an email_reply', async () => {
    const reply = replyAddress(touch.touchId, DOMAIN, sign);
    await smtp.sendMail({
      from: 'Segflow <sales@mail.segflow.test>',
      to: touch.address,
      replyTo: reply,
      subject: 'Pricing for your team',
      messageId: touch.messageId,
      text: 'Hi Asha, shall we talk?',
      html: '<p>Hi Asha, <b>shall we talk?</b></p>',
    });
    const listed = await eventually(async () => {
      const list = await api.request('GET', '/api/sandbox/mail?limit=5');
      return list.body.find((m: any) => m.toAddresses === touch.address);
    }, 'the caught mail');
    const mail = (await api.request('GET', `/api/sandbox/mail/${listed.id}`)).body;
    expect(mail).toMatchObject({
      subject: 'Pricing for your team',
      replyTo: reply,
      html: '<p>Hi Asha, <b>shall we talk?</b></p>',
      text: 'Hi Asha, shall we talk?',
    });
    expect(mail.headers).toContainEqual(['message-id', expect.stringContaining(touch.messageId)]);

    const rep = await api.createUser({ role: 'rep' });
    expect((await api.requestAs(rep, 'GET', '/api/sandbox/mail')).status).toBe(403);
    expect((await api.request('POST', `/api/sandbox/mail/${listed.id}/reply`, { text: '' })).status).toBe(400);
    expect(
      (await api.request('POST', `/api/sandbox/mail/${listed.id}/reply`, { text: 'Yes, Thursday works.' })).status,
    ).toBe(200);
    const events = await eventually(
      async () => (await eventsOf(touch.leadId, 'email_reply'))[0],
      'the reply as the lead',
    );
    expect(events.data).toMatchObject({
      replyTo: { touchId: touch.touchId },
      properties: { text: 'Yes, Thursday works.' },
    });
  });

  it('refuses a message over the 10 MB limit with 552, storing nothing', async () => {
    const huge = {
      from: touch.address,
      to: replyAddress(touch.touchId, DOMAIN, sign),
      subject: 'Re: big',
      messageId: '<huge-1@example.in>',
      text: 'x'.repeat(MAX_MAIL_BYTES + 1),
    };
    await expect(smtp.sendMail(huge)).rejects.toMatchObject({ responseCode: 552 });
    expect(await inbound('huge-1@example.in')).toBeUndefined();
  });

  it('is no open relay without the sandbox', async () => {
    const closed = await startTestApi({
      INBOUND_SMTP_PORT: '0',
      INBOUND_EMAIL_DOMAIN: DOMAIN,
      MAIL_SANDBOX: 'off',
      OUTBOX_DISPATCHER: 'off',
    });
    try {
      const port = closed.app.get(SmtpInboundServer).port();
      const client = createTransport({ host: '127.0.0.1', port: port!, secure: false });
      await expect(
        client.sendMail({ from: 'a@example.in', to: 'b@elsewhere.example', subject: 'x', text: 'x' }),
      ).rejects.toMatchObject({ responseCode: 550 });
      client.close();
    } finally {
      await closed.close();
    }
  });
});

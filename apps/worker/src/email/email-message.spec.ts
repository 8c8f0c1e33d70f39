import { verifyToken } from '@segflow/channels';
import type { OutgoingTouch } from '../activities/playbook-touch-provider';
import { hmacSigner } from '../touch-providers';
import { buildEmailMessage, senderMailbox } from './email-message';

const sign = hmacSigner('message-spec-secret-0123456789');
const settings = { publicUrl: 'https://app.segflow.test', fromDomain: 'mail.segflow.test', inboundDomain: 'reply.segflow.test', trackOpens: false, sign };
const touch: OutgoingTouch = {
  touchId: '0b9c6f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f', leadId: 'lead-1', idempotencyKey: 'run-1:intro:1', messageId: '<run-1.intro.1@mail.segflow.test>',
  channel: 'email', to: 'asha@suratsilks.in', from: { name: 'Meera Kulkarni', address: 'meera@segflow.local' },
  subject: 'Hello', body: 'Hi <Asha>,\n\nSee https://segflow.test/a?x=1&y=2.', html: null, whatsappTemplate: null,
};

describe('senderMailbox', () => {
  it.each([
    [{ name: 'Meera Kulkarni', address: 'Meera.K@segflow.local' }, 'meera.k@mail.segflow.test'],
    [{ name: 'Meera Kulkarni', address: null }, 'meera.kulkarni@mail.segflow.test'],
    [{ name: 'Zoë Ávila', address: null }, 'zoe.avila@mail.segflow.test'],
    [{ name: 'अनन्या', address: null }, 'team@mail.segflow.test'],
  ])('%j → %s', (from, mailbox) => expect(senderMailbox(from, 'mail.segflow.test')).toBe(mailbox));
});

describe('buildEmailMessage', () => {
  it('makes the HTML part from the text when the node has none: escaped, paragraphs, the link clickable and rewritten', () => {
    const html = String(buildEmailMessage(touch, settings).html);
    const [, token] = /^<p>Hi &lt;Asha&gt;,<\/p>\n<p>See <a href="https:\/\/app\.segflow\.test\/t\/c\/([^"]+)">https:\/\/segflow\.test\/a\?x=1&amp;y=2<\/a>\.<\/p>$/.exec(html) ?? [];
    expect(verifyToken(token!, sign)).toEqual({ purpose: 'click', touchId: touch.touchId, url: 'https://segflow.test/a?x=1&y=2' });
  });

  it('keeps the text part as rendered and the Message-ID of the touch', () => {
    expect(buildEmailMessage(touch, settings)).toMatchObject({ text: touch.body, messageId: touch.messageId, subject: 'Hello', to: 'asha@suratsilks.in' });
  });

  it('cannot be given extra headers through the sender name', () => {
    const message = buildEmailMessage({ ...touch, from: { name: 'Meera\r\nBcc: all@evil.test', address: null } }, settings);
    expect(message.from).toEqual({ name: 'Meera Bcc: all@evil.test', address: 'meera.bcc.all.evil.test@mail.segflow.test' });
  });
});

import { verifyToken } from '@segflow/channels';
import { sampleEmailTouch, testEmailSettings } from '../testing/email-touch';
import { buildEmailMessage, senderMailbox } from './email-message';

const settings = testEmailSettings();
const { sign } = settings;
const touch = sampleEmailTouch({ subject: 'Hello', body: 'Hi <Asha>,\n\nSee https://segflow.test/a?x=1&y=2.' });

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
    const [, token] =
      /^<p>Hi &lt;Asha&gt;,<\/p>\n<p>See <a href="https:\/\/app\.segflow\.test\/t\/c\/([^"]+)">https:\/\/segflow\.test\/a\?x=1&amp;y=2<\/a>\.<\/p>$/.exec(
        html,
      ) ?? [];
    expect(verifyToken(token!, sign)).toEqual({
      purpose: 'click',
      touchId: touch.touchId,
      url: 'https://segflow.test/a?x=1&y=2',
    });
  });

  it('keeps the text part as rendered and the Message-ID of the touch', () => {
    expect(buildEmailMessage(touch, settings)).toMatchObject({
      text: touch.body,
      messageId: touch.messageId,
      subject: 'Hello',
      to: 'asha@suratsilks.in',
    });
  });

  it('cannot be given extra headers through the sender name', () => {
    const message = buildEmailMessage(
      { ...touch, from: { name: 'Meera\r\nBcc: all@evil.test', address: null } },
      settings,
    );
    expect(message.from).toEqual({
      name: 'Meera Bcc: all@evil.test',
      address: 'meera.bcc.all.evil.test@mail.segflow.test',
    });
  });
});

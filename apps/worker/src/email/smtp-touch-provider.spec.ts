import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { replyAddress, verifyToken } from '@segflow/channels';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { isPermanentDeliveryFailure } from '../activities/playbook-touch-provider';
import { sampleEmailTouch, testEmailSettings } from '../testing/email-touch';
import { createSmtpTouchProvider, type SmtpTouchProvider } from './smtp-touch-provider';

const settings = testEmailSettings();
const { sign } = settings;
const touch = sampleEmailTouch();

interface Received {
  raw: Buffer;
  from: string;
  to: string[];
  connection: string;
}

/** A real SMTP server in this process that keeps what it receives, or answers RCPT with `rcptReply`. */
async function startServer(rcptReply?: {
  code: number;
  message: string;
}): Promise<{ server: SMTPServer; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!rcptReply) return callback();
      return callback(Object.assign(new Error(rcptReply.message), { responseCode: rcptReply.code }));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          connection: session.id,
          raw: Buffer.concat(chunks),
          from: (session.envelope.mailFrom as { address: string }).address,
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, received };
}

describe('createSmtpTouchProvider (a real SMTP server in process)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function providerOn(
    server: { server: SMTPServer; url: string },
    options: Partial<Parameters<typeof createSmtpTouchProvider>[0]> = {},
  ): Promise<SmtpTouchProvider> {
    const provider = createSmtpTouchProvider({ smtpUrl: server.url, settings, dkim: null, ...options });
    cleanups.push(
      () => new Promise<void>((resolve) => server.server.close(() => resolve())),
      () => provider.close(),
    );
    return provider;
  }

  it('sends HTML + text, Message-ID, Reply-To, one-click List-Unsubscribe and signed click links; DKIM verifies', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const server = await startServer();
    const provider = await providerOn(server, {
      dkim: { selector: 'sf1', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    });

    await expect(provider.send(touch)).resolves.toEqual({ providerMessageId: touch.messageId });

    expect(server.received).toHaveLength(1);
    const [{ raw, from, to }] = server.received as [Received];

    const reply = replyAddress(touch.touchId, 'reply.segflow.test', sign);
    expect({ from, to }).toEqual({ from: reply, to: ['asha@suratsilks.in'] }); // bounces come back to the touch
    const mail: ParsedMail = await simpleParser(raw);
    expect(mail.messageId).toBe(touch.messageId);
    expect(mail.from?.value).toEqual([{ name: 'Meera Kulkarni', address: 'meera@mail.segflow.test' }]);
    expect(mail.replyTo?.value).toEqual([{ name: '', address: reply }]);
    expect(mail.subject).toBe('Hello Asha');
    expect(mail.text?.trim()).toBe(touch.body);

    // mailparser structures List-* headers; the raw line is what a mailbox provider reads.
    const headerLine = (name: string) =>
      mail.headerLines
        .find((h) => h.key === name)
        ?.line.replace(/\r?\n\s+/g, ' ')
        .replace(/^[^:]+:\s*/, '');
    const unsubscribe = headerLine('list-unsubscribe') ?? '';
    const [, unsubscribeToken] =
      /^<https:\/\/app\.segflow\.test\/u\/([^>]+)>, <mailto:([^>]+)>$/.exec(unsubscribe) ?? [];
    expect(verifyToken(unsubscribeToken!, sign)).toEqual({ purpose: 'unsubscribe', touchId: touch.touchId });
    expect(unsubscribe).toContain(`<mailto:${reply}?subject=unsubscribe>`);
    expect(headerLine('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const html = String(mail.html);
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(1);
    const [, clickToken] = /^https:\/\/app\.segflow\.test\/t\/c\/(.+)$/.exec(links[0]!) ?? [];
    expect(verifyToken(clickToken!, sign)).toEqual({
      purpose: 'click',
      touchId: touch.touchId,
      url: 'https://segflow.test/pricing?plan=pro&seats=3',
    });
    expect(html).not.toContain('/t/o/'); // opens are off by default

    const publicKeyDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const lookups: string[] = [];
    const resolver = async (name: string, type: string) => {
      lookups.push(`${type} ${name}`);
      if (name === 'sf1._domainkey.mail.segflow.test' && type === 'TXT') return [[`v=DKIM1; k=rsa; p=${publicKeyDer}`]];
      throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
    };
    expect(raw.toString('utf8')).toMatch(
      /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=mail\.segflow\.test;/m,
    );
    const { results } = await dkimVerify(raw, { resolver });
    expect(lookups).toContain('TXT sf1._domainkey.mail.segflow.test');
    expect(results.map((r) => [r.signingDomain, r.status.result])).toEqual([['mail.segflow.test', 'pass']]);

    // The same check no longer passes once the signed body is altered (mailauth: body hash mismatch → neutral).
    const tampered = Buffer.from(raw.toString('utf8').replace('Our pricing', 'Our prices'));
    expect((await dkimVerify(tampered, { resolver })).results.map((r) => [r.status.result, r.status.comment])).toEqual([
      ['neutral', 'body hash did not verify'],
    ]);
  });

  it('reuses its SMTP connection across touches (a pooled transport)', async () => {
    const server = await startServer();
    const provider = await providerOn(server);
    for (const n of [1, 2, 3]) await provider.send({ ...touch, messageId: `<run-1.intro.${n}@mail.segflow.test>` });
    expect(server.received.map((r) => r.connection)).toEqual(Array(3).fill(server.received[0]!.connection));
  });

  it("adds the open pixel only when opens are tracked, and keeps the node's own HTML (escaped by the template)", async () => {
    const server = await startServer();
    const provider = await providerOn(server, { settings: { ...settings, trackOpens: true } });
    await provider.send({
      ...touch,
      html: '<html><body><p>Hi Asha &amp; co, <a href="https://x.test/a?b=1&amp;c=2">see</a> <a href="mailto:x@y.test">mail</a></p></body></html>',
    });
    const html = String((await simpleParser(server.received[0]!.raw)).html);
    const [, openToken] = /<img src="https:\/\/app\.segflow\.test\/t\/o\/([^"]+)"[^>]*><\/body>/.exec(html) ?? [];
    expect(verifyToken(openToken!, sign)).toEqual({ purpose: 'open', touchId: touch.touchId });
    const [, clickToken] = /href="https:\/\/app\.segflow\.test\/t\/c\/([^"]+)">see/.exec(html) ?? [];
    expect(verifyToken(clickToken!, sign)?.url).toBe('https://x.test/a?b=1&c=2');
    expect(html).toContain('href="mailto:x@y.test"');
  });

  it("refuses for good on a 5xx reply (the node's failure policy) and throws a retryable error on a 4xx", async () => {
    const rejecting = await providerOn(await startServer({ code: 550, message: 'No such user here' }));
    const permanent = await rejecting.send(touch).catch((e: unknown) => e);
    expect(isPermanentDeliveryFailure(permanent)).toBe(true);
    expect((permanent as Error).message).toMatch(/^smtp-550: .*No such user here/);

    const busy = await providerOn(await startServer({ code: 451, message: 'Try again later' }));
    const transient = await busy.send(touch).catch((e: unknown) => e);
    expect(transient).toBeInstanceOf(Error);
    expect(isPermanentDeliveryFailure(transient)).toBe(false);
    expect((transient as { responseCode: number }).responseCode).toBe(451);
  });

  it('throws a retryable error when the server cannot be reached', async () => {
    const closed = await startServer();
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const provider = createSmtpTouchProvider({ smtpUrl: closed.url, settings, dkim: null });
    cleanups.push(() => provider.close());
    const error = await provider.send(touch).catch((e: unknown) => e);
    expect(isPermanentDeliveryFailure(error)).toBe(false);
    expect((error as { code: string }).code).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageIdFor, replyAddress } from '@segflow/channels';
import type { Playbook } from '@segflow/playbook';
import { buildPlaybook } from '@segflow/playbook/testing';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport, type Transporter } from 'nodemailer';
import { Client } from 'pg';
import { segflowSigner } from '../apps/api/src/common/segflow-signer';
import { dsnMessage } from '../apps/api/src/testing/dsn-fixture';
import { apiFetch, signInToApi } from './support/auth';
import { until } from './support/eventually';
import { freePort } from './support/free-port';
import { Stack, startStack } from './support/stack';

const SECRET = 'email-channel-e2e-segflow-secret';
const FROM_DOMAIN = 'mail.segflow.test';
const INBOUND_DOMAIN = 'reply.segflow.test';
const SELECTOR = 'e2e1';
const PRICING_URL = 'https://suratsilks.test/pricing?plan=pro&seats=3';
const sign = segflowSigner(SECRET);
const sender = { kind: 'fixed', name: 'Meera Kulkarni', address: 'meera@segflow.test' } as const;

/**
 * intro (HTML + text email with one link) → waitForEvent(email_reply, 30 interpreter minutes = 30 s at the time
 * scale below) → branch(replied?) → exit `replied` / exit `no-reply`.
 */
const replyPlaybook = (): Playbook =>
  buildPlaybook({
    settings: { reentry: { policy: 'always' }, quietHours: null, maxTouchesPerDay: null },
    nodes: [
      {
        id: 'intro',
        type: 'send',
        config: {
          channel: 'email',
          subject: 'Pricing for {{lead.company}}',
          body: 'Hi {{lead.firstName}}, our pricing: ' + PRICING_URL,
          sender,
          onFailure: 'skip',
          html: `<p>Hi {{lead.firstName}},</p><p>Our <a href="${PRICING_URL.replace(/&/g, '&amp;')}">pricing</a> for {{lead.company}}.</p>`,
        },
      },
      { id: 'reply', type: 'waitForEvent', config: { eventTypes: ['email_reply'], timeoutMinutes: 30 } },
      { id: 'replied', type: 'branch', config: { condition: { op: 'eventSeen', eventType: 'email_reply' } } },
      { id: 'yes', type: 'exit', config: { reason: 'replied' } },
      { id: 'no', type: 'exit', config: { reason: 'no-reply' } },
    ],
    edges: [
      'entry.next->intro',
      'intro.next->reply',
      'reply.matched->replied',
      'reply.timedOut->replied',
      'replied.yes->yes',
      'replied.no->no',
    ],
  });

const emailOnce = (): Playbook =>
  buildPlaybook({
    settings: { reentry: { policy: 'always' }, quietHours: null, maxTouchesPerDay: null },
    nodes: [
      {
        id: 'intro',
        type: 'send',
        config: { channel: 'email', subject: 'Hello again', body: 'Hi {{lead.firstName}}', sender, onFailure: 'skip' },
      },
      { id: 'done', type: 'exit', config: { reason: 'sequence-done' } },
    ],
    edges: ['entry.next->intro', 'intro.next->done'],
  });

// Issue 16, "Tests (real parts)": the email channel through the built stack — the worker sends over SMTP (DKIM
// signed) to the API's embedded SMTP server in sandbox mode; replies, bounces, unsubscribes and clicks come back
// through the same server and the public links, and change what later runs do.
describe('email channel (built API + worker, embedded SMTP server in sandbox mode, Temporal, Postgres)', () => {
  let stack: Stack;
  let db: Client;
  let token: string;
  let smtp: Transporter;
  let keyDir: string;
  let publicKeyDer: string;

  beforeAll(async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    publicKeyDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    keyDir = mkdtempSync(join(tmpdir(), 'segflow-dkim-'));
    writeFileSync(join(keyDir, 'dkim.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const smtpPort = await freePort();
    stack = await startStack('email-channel', (apiUrl) => ({
      SEGFLOW_SECRET: SECRET,
      PUBLIC_URL: apiUrl,
      PLAYBOOK_TIME_SCALE: '60',
      INBOUND_SMTP_PORT: String(smtpPort),
      MAIL_SANDBOX: 'on',
      INBOUND_EMAIL_DOMAIN: INBOUND_DOMAIN,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      EMAIL_FROM_DOMAIN: FROM_DOMAIN,
      EMAIL_DKIM_SELECTOR: SELECTOR,
      EMAIL_DKIM_PRIVATE_KEY_FILE: join(keyDir, 'dkim.pem'),
    }));
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    token = await signInToApi(stack);
    smtp = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false });
  });
  afterAll(async () => {
    smtp?.close();
    await db?.end();
    await stack?.stop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await apiFetch(stack, token, path, { method, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
  async function publish(graph: Playbook, name: string): Promise<string> {
    const created = await api('POST', '/api/playbooks', { name });
    expect(
      (await api('PUT', `/api/playbooks/${created.body.id}/draft`, { graph, revision: created.body.draftRevision }))
        .status,
    ).toBe(200);
    expect((await api('POST', `/api/playbooks/${created.body.id}/publish`, { note: 'e2e' })).status).toBe(201);
    return created.body.id;
  }
  async function lead(externalId: string): Promise<{ id: string; email: string }> {
    const email = `${externalId}@suratsilks.test`;
    const created = await api('POST', '/api/leads', {
      externalId,
      name: 'Asha Rao',
      company: 'Surat Silks',
      email,
      timezone: 'Asia/Kolkata',
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, email };
  }
  async function enrol(leadId: string, playbookId: string): Promise<string> {
    const run = await api('POST', '/api/runs', { leadId, playbookId });
    expect(run.status).toBe(201);
    return run.body.id;
  }
  const runWhen = (id: string, accept: (run: any) => boolean, timeoutMs = 30_000) =>
    until(async () => (await api('GET', `/api/runs/${id}`)).body, accept, timeoutMs, 200);
  /** The raw messages the sandbox mailbox caught for `address`, oldest first. */
  const caughtFor = async (address: string): Promise<Buffer[]> =>
    (await db.query(`SELECT raw FROM sandbox_mail WHERE to_addresses = $1 ORDER BY id`, [address])).rows.map(
      (r) => r.raw,
    );
  const touchOf = async (runId: string) =>
    (
      await db.query(
        `SELECT id::text, message_id AS "messageId", status, delivery_status AS "deliveryStatus" FROM touches WHERE run_id = $1 AND node_id = 'intro'`,
        [runId],
      )
    ).rows[0];
  const eventsOf = async (leadId: string, type: string) =>
    (
      await db.query(
        `SELECT event_id AS "eventId", data FROM events WHERE lead_id = $1 AND type = $2 ORDER BY occurred_at`,
        [leadId, type],
      )
    ).rows;

  /** Starts the reply playbook for a new lead and waits for its email in the sandbox mailbox. */
  async function emailed(externalId: string, playbookId: string) {
    const { id: leadId, email } = await lead(externalId);
    const runId = await enrol(leadId, playbookId);
    const [raw] = await until(
      () => caughtFor(email),
      (caught) => caught.length === 1,
    );
    const touch = await until(
      () => touchOf(runId),
      (t) => t?.status === 'sent',
    );
    return { leadId, email, runId, raw: raw!, touch, reply: replyAddress(touch.id, INBOUND_DOMAIN, sign) };
  }

  /** A manual enrolment of the lead in a new one-email playbook ends without emailing (the sandbox still has one). */
  async function expectEnrolmentSendsNothing(leadId: string, email: string, playbookName: string): Promise<void> {
    const run = await runWhen(
      await enrol(leadId, await publish(emailOnce(), playbookName)),
      (r) => r.status !== 'active',
    );
    expect(run).toMatchObject({ status: 'exited', exitReason: 'sequence-done' });
    expectNoEmailSent(run);
    expect(await caughtFor(email)).toHaveLength(1);
  }

  let replyPlaybookId: string;
  beforeAll(async () => {
    replyPlaybookId = await publish(replyPlaybook(), 'Pricing follow-up');
  });

  it('a run’s email node sends a DKIM-signed HTML + text email with one-click List-Unsubscribe, the derived Message-ID and the touch’s Reply-To', async () => {
    const { runId, raw, touch, reply, email } = await emailed('e-headers', replyPlaybookId);
    const mail = await simpleParser(raw);
    expect(touch.messageId).toBe(messageIdFor(`${runId}:intro:1`, FROM_DOMAIN));
    expect(mail.messageId).toBe(touch.messageId);
    expect(mail.from?.value).toEqual([{ name: 'Meera Kulkarni', address: `meera@${FROM_DOMAIN}` }]);
    expect(mail.to).toMatchObject({ value: [{ address: email }] });
    expect(mail.replyTo?.value).toEqual([{ name: '', address: reply }]);
    expect(reply).toMatch(new RegExp(`^reply\\+[0-9a-f]+\\.[\\w-]+@${INBOUND_DOMAIN.replace(/\./g, '\\.')}$`));
    expect(mail.subject).toBe('Pricing for Surat Silks');
    expect(mail.text?.trim()).toBe(`Hi Asha, our pricing: ${PRICING_URL}`);
    expect(String(mail.html)).toMatch(
      /^<p>Hi Asha,<\/p><p>Our <a href="http:\/\/127\.0\.0\.1:\d+\/t\/c\/[^"]+">pricing<\/a> for Surat Silks\.<\/p>$/,
    );

    expect(headerLine(mail, 'list-unsubscribe')).toMatch(
      new RegExp(`^<${stack.apiUrl}/u/[\\w.-]+>, <mailto:${reply.replace(/[.+]/g, '\\$&')}\\?subject=unsubscribe>$`),
    );
    expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // DKIM verifies against the test's public key, looked up where a receiver would (selector._domainkey.domain).
    const lookups: string[] = [];
    const resolver = async (name: string, type: string) => {
      lookups.push(`${type} ${name}`);
      if (name === `${SELECTOR}._domainkey.${FROM_DOMAIN}` && type === 'TXT')
        return [[`v=DKIM1; k=rsa; p=${publicKeyDer}`]];
      throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
    };
    const { results } = await dkimVerify(raw, { resolver });
    expect(lookups).toContain(`TXT ${SELECTOR}._domainkey.${FROM_DOMAIN}`);
    expect(results.map((r) => [r.signingDomain, r.status.result])).toEqual([[FROM_DOMAIN, 'pass']]);
    const tampered = Buffer.from(raw.toString('utf8').replace('Our <a', 'Your <a'));
    expect((await dkimVerify(tampered, { resolver })).results.map((r) => r.status.result)).toEqual(['neutral']);
  });

  it('a reply over SMTP to the Reply-To makes the run take its replied branch', async () => {
    const { leadId, email, runId, touch, reply } = await emailed('e-reply', replyPlaybookId);
    await smtp.sendMail({
      from: `Asha Rao <${email}>`,
      to: reply,
      subject: 'Re: Pricing for Surat Silks',
      inReplyTo: touch.messageId,
      references: touch.messageId,
      messageId: '<e-reply-1@suratsilks.test>',
      text: 'Haan ji, please send the quote for 3 seats.\n\n> Our pricing for Surat Silks.',
    });
    const ended = await runWhen(runId, (r) => r.status !== 'active');
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'replied' });
    const [event] = await eventsOf(leadId, 'email_reply');
    expect(event.data).toMatchObject({
      replyTo: { touchId: touch.id },
      properties: { text: 'Haan ji, please send the quote for 3 seats.' },
    });
    expect((await touchOf(runId)).deliveryStatus).toBe('replied');
  });

  it('an out-of-office auto-reply (Auto-Submitted: auto-replied) does not count as a reply', async () => {
    const { leadId, email, runId, touch, reply } = await emailed('e-ooo', replyPlaybookId);
    await smtp.sendMail({
      from: email,
      to: reply,
      subject: 'Out of office: back on Monday',
      inReplyTo: touch.messageId,
      messageId: '<e-ooo-1@suratsilks.test>',
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am on leave till Monday.',
    });
    const recorded = await until(
      async () =>
        (await db.query(`SELECT kind FROM inbound_messages WHERE provider_id = 'e-ooo-1@suratsilks.test'`)).rows,
      (rows) => rows.length === 1,
    );
    expect(recorded).toEqual([{ kind: 'auto_reply' }]);
    // Heard while the run still waited for a reply: had it counted, the run would have gone down the replied branch.
    expect((await api('GET', `/api/runs/${runId}`)).body).toMatchObject({ status: 'active', currentNodeId: 'reply' });
    const ended = await runWhen(runId, (r) => r.status !== 'active', 50_000);
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'no-reply' });
    expect(await eventsOf(leadId, 'email_reply')).toEqual([]);
  });

  it('a DSN hard bounce (5.1.1) suppresses the address: the lead’s next email run sends nothing by email', async () => {
    const { leadId, email, touch, reply } = await emailed('e-bounce', replyPlaybookId);
    await smtp.sendMail({
      envelope: { from: '', to: [reply] },
      raw: dsnMessage({
        status: '5.1.1',
        to: reply,
        recipient: email,
        originalMessageId: touch.messageId,
        messageId: '<e-dsn-1@mx.example.in>',
      }),
    });
    const suppressed = await until(
      async () =>
        (
          await db.query(
            `SELECT reason, lead_id::text AS "leadId" FROM suppressions WHERE channel = 'email' AND address = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
            [email],
          )
        ).rows,
      (rows) => rows.length === 1,
    );
    expect(suppressed).toEqual([{ reason: 'hard_bounce', leadId }]);
    expect(
      (await db.query(`SELECT delivery_status AS "deliveryStatus" FROM touches WHERE id = $1`, [touch.id])).rows,
    ).toEqual([{ deliveryStatus: 'bounced' }]);

    await expectEnrolmentSendsNothing(leadId, email, 'After the bounce');
  });

  it('a one-click unsubscribe POST to List-Unsubscribe holds across runs: a new run and a manual enrolment send nothing by email', async () => {
    const { leadId, email, raw, runId } = await emailed('e-unsub', replyPlaybookId);
    const unsubscribeUrl = /^<(http[^>]+)>/.exec(headerLine(await simpleParser(raw), 'list-unsubscribe'))![1]!;
    const posted = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    const [event] = await until(
      () => eventsOf(leadId, 'unsubscribe'),
      (rows) => rows.length === 1,
    );
    expect(event.data).toMatchObject({ channel: 'email', properties: { source: 'one-click' } });
    expect(
      (
        await db.query(
          `SELECT reason FROM suppressions WHERE channel = 'email' AND address = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
          [email],
        )
      ).rows,
    ).toEqual([{ reason: 'unsubscribe' }]);

    // A new run of the same playbook (once the first is stopped), then a manual enrolment in another one.
    expect((await api('POST', `/api/runs/${runId}/stop`, { reason: 'e2e: start afresh' })).status).toBe(201);
    await runWhen(runId, (r) => r.status !== 'active');
    const again = await runWhen(
      await enrol(leadId, replyPlaybookId),
      (r) => r.currentNodeId === 'reply' || r.status !== 'active',
    );
    expectNoEmailSent(again);
    await expectEnrolmentSendsNothing(leadId, email, 'Manual after unsubscribe');
  });

  it('mail to the List-Unsubscribe mailto: (subject unsubscribe) unsubscribes the lead from email, and is no reply', async () => {
    const { leadId, email, raw } = await emailed('e-mailto', replyPlaybookId);
    const [, to, subject] =
      /<mailto:([^?>]+)\?subject=([^>]+)>$/.exec(headerLine(await simpleParser(raw), 'list-unsubscribe')) ?? [];
    await smtp.sendMail({ from: email, to, subject, messageId: '<e-mailto-1@suratsilks.test>', text: '' });
    const [event] = await until(
      () => eventsOf(leadId, 'unsubscribe'),
      (rows) => rows.length === 1,
    );
    expect(event.data).toMatchObject({ channel: 'email', properties: { source: 'list-unsubscribe-mailto' } });
    expect(await eventsOf(leadId, 'email_reply')).toEqual([]);
    await expectEnrolmentSendsNothing(leadId, email, 'After the mailto unsubscribe');
  });

  it('a click link redirects to the original URL and records email_click on the touch; a forged token is refused', async () => {
    const { leadId, runId, raw, touch } = await emailed('e-click', replyPlaybookId);
    const [, link] = /href="([^"]+)"/.exec(String((await simpleParser(raw)).html)) ?? [];
    expect(link).toMatch(new RegExp(`^${stack.apiUrl}/t/c/`));
    const clicked = await fetch(link!, { redirect: 'manual' });
    expect([clicked.status, clicked.headers.get('location')]).toEqual([302, PRICING_URL]);
    const [event] = await until(
      () => eventsOf(leadId, 'email_click'),
      (rows) => rows.length === 1,
    );
    expect(event.data).toMatchObject({ replyTo: { touchId: touch.id }, properties: { url: PRICING_URL } });
    expect(
      (
        await until(
          () => touchOf(runId),
          (t) => t.deliveryStatus === 'clicked',
        )
      ).deliveryStatus,
    ).toBe('clicked');

    // The same MAC over a payload naming another URL: an open redirect if it were accepted.
    const [payload, mac] = link!.slice(`${stack.apiUrl}/t/c/`.length).split('.');
    const fields = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forgedPayload = Buffer.from(JSON.stringify([fields[0], fields[1], 'https://evil.example/phish'])).toString(
      'base64url',
    );
    const forged = await fetch(`${stack.apiUrl}/t/c/${forgedPayload}.${mac}`, { redirect: 'manual' });
    expect([forged.status, forged.headers.get('location')]).toEqual([404, null]);
    expect(await eventsOf(leadId, 'email_click')).toHaveLength(1);
  });
});

/** A header as a mailbox provider reads it: the raw line, unfolded, without its name (mailparser structures List-*). */
function headerLine(mail: ParsedMail, name: string): string {
  return (
    mail.headerLines
      .find((h) => h.key === name)
      ?.line.replace(/\r?\n\s+/g, ' ')
      .replace(/^[^:]+:\s*/, '') ?? ''
  );
}

/** The run's send node was skipped or its touch refused: no email touch of it was sent. */
function expectNoEmailSent(run: {
  touches: Array<{ nodeId: string; status: string }>;
  path: Array<{ nodeId: string; note?: string }>;
}): void {
  expect(run.touches.filter((t) => t.nodeId === 'intro' && t.status === 'sent')).toEqual([]);
  expect(run.path.filter((p) => p.nodeId === 'intro' && p.note).map((p) => p.note)).toEqual([
    'skipped:unsubscribed:email',
  ]);
}

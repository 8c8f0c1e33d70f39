import type { AddressInfo } from 'node:net';
import type { DeliverTouchInput } from '@segflow/workflow-contracts';
import { simpleParser } from 'mailparser';
import { Pool } from 'pg';
import { SMTPServer } from 'smtp-server';
import { runMigrations } from '../../../api/src/database/data-source';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { createSmtpTouchProvider, type SmtpTouchProvider } from '../email/smtp-touch-provider';
import { testEmailSettings } from '../testing/email-touch';
import { createPlaybookTouchActivities } from './playbook-touch.activities';
import { isPermanentDeliveryFailure, type OutgoingTouch, type TouchProvider } from './playbook-touch-provider';

// deliverTouch against real PostgreSQL and a real SMTP server in this process (DESIGN invariants 3, 4 and 10).
describe('deliverTouch (PostgreSQL + SMTP)', () => {
  let pool: Pool;
  let server: SMTPServer;
  let smtp: SmtpTouchProvider;
  /** Message-IDs and subjects the SMTP server accepted, in order. */
  const accepted: Array<{ messageId: string; subject: string }> = [];
  /** The reply the server gives to RCPT TO, per recipient (absent: accept). */
  const rcptReplies = new Map<string, { code: number; message: string }>();
  let playbookRun: { playbookId: string; versionId: string };

  beforeAll(async () => {
    const url = await createTestDatabase('touch_activity');
    await runMigrations(url);
    pool = new Pool({ connectionString: url, max: 4 });
    const [{ id: playbookId }] = (
      await pool.query(`INSERT INTO playbooks (name, draft) VALUES ('spec', '{}') RETURNING id`)
    ).rows;
    const [{ id: versionId }] = (
      await pool.query(
        `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, '{}') RETURNING id`,
        [playbookId],
      )
    ).rows;
    playbookRun = { playbookId, versionId };
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const reply = rcptReplies.get(address.address);
        callback(reply ? Object.assign(new Error(reply.message), { responseCode: reply.code }) : undefined);
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          accepted.push({ messageId: mail.messageId ?? '', subject: mail.subject ?? '' });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smtp = createSmtpTouchProvider({
      smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
      settings: testEmailSettings(),
      dkim: null,
    });
  });
  afterAll(async () => {
    smtp?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await pool?.end();
  });
  beforeEach(() => {
    accepted.length = 0;
    rcptReplies.clear();
  });

  /** A lead with `email` (and consent) in a fresh run, and the deliverTouch input of its email node. */
  async function emailTouch(email: string, consent = true, cap: number | null = null): Promise<DeliverTouchInput> {
    const [{ id: leadId }] = (
      await pool.query(
        `INSERT INTO leads (external_id, email, consent) VALUES (gen_random_uuid()::text, $1, $2) RETURNING id`,
        [email, JSON.stringify({ email: consent, whatsapp: true, linkedin: true })],
      )
    ).rows;
    const [{ id: runId }] = (
      await pool.query(
        `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, temporal_workflow_id) VALUES ($1, $2, $3, 1, gen_random_uuid()::text) RETURNING id`,
        [leadId, playbookRun.playbookId, playbookRun.versionId],
      )
    ).rows;
    return {
      runId,
      command: {
        kind: 'sendTouch',
        idempotencyKey: `${runId}:intro:1`,
        nodeId: 'intro',
        visit: 1,
        leadId,
        channel: 'email',
        subject: 'Hello Asha',
        body: 'Hi Asha',
        html: '<p>Hi <b>Asha</b></p>',
        sender: { kind: 'fixed', ownerId: null, name: 'Segflow', address: 'hi@segflow.test' },
      },
      // 10:30 in Kolkata; the next local day starts at 18:30 UTC.
      slot: { timeZone: 'Asia/Kolkata', now: '2026-03-02T05:00:00.000Z', cap },
    };
  }

  const touchOf = async (input: DeliverTouchInput) =>
    (
      await pool.query(
        `SELECT status, delivery_status, error, message_id, to_address, html, sent_at IS NOT NULL AS "hasSentAt" FROM touches WHERE run_id = $1`,
        [input.runId],
      )
    ).rows;

  const activitiesWith = (provider: TouchProvider) =>
    createPlaybookTouchActivities({ pool, provider, messageIdDomain: 'mail.segflow.test' });

  it('writes the send intent (queued, with its Message-ID) before the provider is called, then marks it sent', async () => {
    const input = await emailTouch('Asha@SuratSilks.in');
    const seenAtSend: unknown[] = [];
    const { deliverTouch } = activitiesWith({
      async send(touch) {
        seenAtSend.push(...(await touchOf(input)));
        return smtp.send(touch);
      },
    });
    await expect(deliverTouch(input)).resolves.toEqual({ kind: 'ok' });
    const messageId = `<${input.runId}.intro.1@mail.segflow.test>`;
    expect(seenAtSend).toEqual([
      expect.objectContaining({
        status: 'queued',
        delivery_status: 'queued',
        message_id: messageId,
        to_address: 'asha@suratsilks.in',
        hasSentAt: false,
      }),
    ]);
    expect(await touchOf(input)).toEqual([
      expect.objectContaining({
        status: 'sent',
        delivery_status: 'sent',
        message_id: messageId,
        html: '<p>Hi <b>Asha</b></p>',
        hasSentAt: true,
      }),
    ]);
    expect(accepted).toEqual([{ messageId, subject: 'Hello Asha' }]);
    // A retry or replay of a sent touch sends nothing.
    await expect(deliverTouch(input)).resolves.toEqual({ kind: 'ok' });
    expect(accepted).toHaveLength(1);
  });

  it("reserves a slot of the lead's daily cap before the send intent: a full day defers the touch, nothing recorded or sent", async () => {
    const input = await emailTouch('kiran@suratsilks.in', true, 1);
    const { deliverTouch } = activitiesWith(smtp);
    await expect(deliverTouch(input)).resolves.toEqual({ kind: 'ok' });
    // Another touch of the same lead that day (another node, as another run's would be) finds the day full.
    const second = {
      ...input,
      command: { ...input.command, nodeId: 'again', idempotencyKey: `${input.runId}:again:1` },
    };
    await expect(deliverTouch(second)).resolves.toEqual({ kind: 'deferred', until: '2026-03-02T18:30:00.000Z' });
    expect(await touchOf(input)).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(accepted).toHaveLength(1);
    // The next local day has room; a retry of the sent touch keeps its slot and sends nothing.
    await expect(
      deliverTouch({ ...second, slot: { ...second.slot, now: '2026-03-02T18:30:00.000Z' } }),
    ).resolves.toEqual({ kind: 'ok' });
    await expect(deliverTouch(input)).resolves.toEqual({ kind: 'ok' });
    expect(accepted).toHaveLength(2);
    expect(
      (
        await pool.query(`SELECT day::text, n FROM lead_touch_days WHERE lead_id = $1 ORDER BY day`, [
          input.command.leadId,
        ])
      ).rows,
    ).toEqual([
      { day: '2026-03-02', n: 1 },
      { day: '2026-03-03', n: 1 },
    ]);
  });

  it('crash window: the provider accepted, the activity died before recording; the retry resends the same Message-ID and the touch ends sent once', async () => {
    const input = await emailTouch('ravi@suratsilks.in');
    let attempts = 0;
    const { deliverTouch } = activitiesWith({
      async send(touch: OutgoingTouch) {
        attempts += 1;
        const sent = await smtp.send(touch);
        if (attempts === 1) throw new Error('worker lost its database connection after the SMTP server accepted');
        return sent;
      },
    });
    const first = await deliverTouch(input).catch((e: unknown) => e);
    expect(isPermanentDeliveryFailure(first)).toBe(false); // transient: Temporal retries the activity
    expect(await touchOf(input)).toEqual([expect.objectContaining({ status: 'queued' })]);

    await expect(deliverTouch(input)).resolves.toEqual({ kind: 'ok' });
    const messageId = `<${input.runId}.intro.1@mail.segflow.test>`;
    // Two copies of one message, never two different messages: same Message-ID, same content.
    expect(accepted).toEqual([
      { messageId, subject: 'Hello Asha' },
      { messageId, subject: 'Hello Asha' },
    ]);
    expect(await touchOf(input)).toEqual([expect.objectContaining({ status: 'sent', message_id: messageId })]);
  });

  it('marking a touch sent never moves its delivery status back (a status webhook may thread to it before)', async () => {
    const input = await emailTouch('meena@suratsilks.in');
    const { deliverTouch } = activitiesWith({
      async send(touch) {
        // The provider's status arrived (and the ingest flush advanced it) before the activity records the send.
        await pool.query(`UPDATE touches SET delivery_status = 'delivered' WHERE id = $1`, [touch.touchId]);
        return smtp.send(touch);
      },
    });
    await expect(deliverTouch(input)).resolves.toEqual({ kind: 'ok' });
    expect(await touchOf(input)).toEqual([
      expect.objectContaining({ status: 'sent', delivery_status: 'delivered', hasSentAt: true }),
    ]);
  });

  it('a 4xx leaves the touch queued (retried); a 5xx records it failed and refuses for good, once', async () => {
    const greylisted = await emailTouch('grey@suratsilks.in');
    rcptReplies.set('grey@suratsilks.in', { code: 451, message: 'greylisted, try later' });
    const { deliverTouch } = activitiesWith(smtp);
    expect(isPermanentDeliveryFailure(await deliverTouch(greylisted).catch((e: unknown) => e))).toBe(false);
    expect(await touchOf(greylisted)).toEqual([
      expect.objectContaining({ status: 'queued', delivery_status: 'queued' }),
    ]);
    rcptReplies.clear();
    await expect(deliverTouch(greylisted)).resolves.toEqual({ kind: 'ok' });

    const unknown = await emailTouch('nobody@suratsilks.in');
    rcptReplies.set('nobody@suratsilks.in', { code: 550, message: 'no such user' });
    const refused = await deliverTouch(unknown).catch((e: unknown) => e);
    expect(isPermanentDeliveryFailure(refused)).toBe(true);
    expect((refused as Error).message).toMatch(/^smtp-550: /);
    expect(await touchOf(unknown)).toEqual([
      expect.objectContaining({
        status: 'failed',
        delivery_status: 'failed',
        error: expect.stringMatching(/^smtp-550: .*no such user/),
      }),
    ]);
    await expect(deliverTouch(unknown)).resolves.toEqual({
      kind: 'failed',
      reason: expect.stringMatching(/^smtp-550: /),
    });
  });

  it('refuses, without calling the provider, a lead whose stored consent is off or whose address is suppressed (any case)', async () => {
    const { deliverTouch } = activitiesWith(smtp);
    const noConsent = await emailTouch('optout@suratsilks.in', false);
    const suppressed = await emailTouch('Bounced@SuratSilks.in');
    await pool.query(
      `INSERT INTO suppressions (channel, address, reason, source) VALUES ('email', encode(sha256(convert_to('bounced@suratsilks.in', 'UTF8')), 'hex'), 'hard_bounce', 'spec')`,
    );
    for (const [input, reason] of [
      [noConsent, 'no-consent:email'],
      [suppressed, 'suppressed:email'],
    ] as const) {
      const refused = await deliverTouch(input).catch((e: unknown) => e);
      expect(isPermanentDeliveryFailure(refused)).toBe(true);
      expect((refused as Error).message).toBe(reason);
      expect(await touchOf(input)).toEqual([
        expect.objectContaining({ status: 'failed', delivery_status: 'suppressed', error: reason }),
      ]);
    }
    expect(accepted).toEqual([]);
  });

  it('does not resend a queued touch once the address was suppressed meanwhile', async () => {
    const input = await emailTouch('later@suratsilks.in');
    const { deliverTouch } = activitiesWith({
      send: async () => {
        throw new Error('connection reset');
      },
    });
    await deliverTouch(input).catch(() => undefined);
    await pool.query(
      `INSERT INTO suppressions (channel, address, reason, source) VALUES ('email', encode(sha256(convert_to('later@suratsilks.in', 'UTF8')), 'hex'), 'unsubscribe', 'spec')`,
    );
    const retried = await activitiesWith(smtp)
      .deliverTouch(input)
      .catch((e: unknown) => e);
    expect((retried as Error).message).toBe('suppressed:email');
    expect(await touchOf(input)).toEqual([
      expect.objectContaining({ status: 'failed', delivery_status: 'suppressed' }),
    ]);
    expect(accepted).toEqual([]);
  });
});

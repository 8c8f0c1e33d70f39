import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../apps/api/src/testing/test-api';
import { whatsappSignatureOf } from '../apps/api/src/whatsapp/whatsapp-signature';
import { webhookBody } from '../apps/api/src/whatsapp/whatsapp-webhook.testing';
import { eventually } from './support/eventually';
import {
  SANDBOX_ENV as sandbox,
  whatsappReplyPlaybook as playbook,
  whatsappSecondReplyPlaybook,
} from './support/whatsapp';
import { publishPlaybook, runWhen, startInProcessWorker, TIME_SCALE } from './support/playbook-runs';

// Issue 16: the worker's real Graph API client sends to the sandbox over HTTP, the sandbox reports back through
// signed webhooks to the real webhook route, and a reply answered as the lead takes the run down its replied branch.
// Webhooks posted over HTTP as Meta would: unsigned or forged ones store nothing, a retried one is heard once.
describe('WhatsApp through the sandbox (API + worker + Temporal + Postgres)', () => {
  let api: TestApi;
  let worker: { stop(): Promise<void> };
  let webhookUrl: string;

  beforeAll(async () => {
    api = await startTestApi({ PLAYBOOK_TIME_SCALE: TIME_SCALE, OUTBOX_POLL_MS: '50', ...sandbox });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    webhookUrl = `http://127.0.0.1:${port}/api/webhooks/whatsapp`;
    const config = {
      WHATSAPP_API_URL: `http://127.0.0.1:${port}/api/sandbox/whatsapp/v25.0`,
      WHATSAPP_PHONE_NUMBER_ID: sandbox.WHATSAPP_PHONE_NUMBER_ID,
      WHATSAPP_ACCESS_TOKEN: sandbox.WHATSAPP_ACCESS_TOKEN,
    };
    worker = await startInProcessWorker(api, config);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it("sends the template, hears delivered and read, and branches on the lead's answer (then replies free-form)", async () => {
    const lead = await createLead('wa-e2e-1', '+919812345678');
    const playbookId = await publishPlaybook(api, playbook, 'WhatsApp intro');
    const run = await api.request('POST', '/api/runs', { leadId: lead.id, playbookId });
    expect(run.status).toBe(201);

    const waiting = await runWhen(api, run.body.id, (r) => r.touches?.[0]?.providerMessageId);
    const wamid: string = waiting.touches[0].providerMessageId;
    expect(wamid).toMatch(/^wamid\./);

    // The sandbox received the template (outside the 24-hour window) and reported sent + delivered by signed webhook.
    const delivered = await eventually(
      () => eventsOf('whatsapp_delivered'),
      (rows) => rows.length === 1,
      10_000,
      100,
    );
    expect(delivered[0]).toMatchObject({
      event_id: `wa-status:${wamid}:delivered`,
      data: { replyTo: { touchId: waiting.touches[0].id, providerMessageId: wamid } },
    });
    const opened = await api.request(
      'GET',
      `/api/sandbox/whatsapp/conversations/${encodeURIComponent('+919812345678')}`,
    );
    expect(opened.body.map((m: any) => [m.direction, m.type, m.body])).toEqual([
      ['outbound', 'template', 'Template intro_followup (en): Asha · Surat Silks'],
    ]);
    await eventually(
      () => eventsOf('whatsapp_read'),
      (rows) => rows.length === 1,
      10_000,
      100,
    );

    // Answer as the lead, quoting our message: the reply is threaded to the touch and wakes the run.
    const answered = await api.request(
      'POST',
      `/api/sandbox/whatsapp/conversations/${encodeURIComponent('+919812345678')}/messages`,
      { text: 'Haan, interested', contextWamid: wamid },
    );
    expect(answered.body).toEqual({ events: 1, unmatched: [], unreadable: 0 });
    const ended = await runWhen(api, run.body.id, (r) => r.status !== 'active');
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'replied' });

    // The reply opened the 24-hour window, so the second touch went out as free-form text.
    const conversation = await eventually(
      async () =>
        (await api.request('GET', `/api/sandbox/whatsapp/conversations/${encodeURIComponent('+919812345678')}`)).body,
      (messages: any[]) => messages.length === 3,
      10_000,
      100,
    );
    expect(conversation.map((m: any) => [m.direction, m.type, m.body])).toEqual([
      ['outbound', 'template', 'Template intro_followup (en): Asha · Surat Silks'],
      ['inbound', 'text', 'Haan, interested'],
      ['outbound', 'text', 'Thanks Asha! Here is the demo link.'],
    ]);
  });

  it('answers 401 to a webhook not signed with the app secret and stores nothing from it', async () => {
    const lead = await createLead('wa-e2e-forged', '+919800000002');
    const stored = () => storedFor(lead.id, '+919800000002');
    const before = await stored();
    // Both a reply and a STOP: either would leave rows (an event, an inbound message, a consent change) if accepted.
    const forged = webhookBody({
      messages: [
        { from: '919800000002', id: 'wamid.E2E-FORGED-1', timestamp: unixNow(), type: 'text', text: { body: 'Haan' } },
        { from: '919800000002', id: 'wamid.E2E-FORGED-2', timestamp: unixNow(), type: 'text', text: { body: 'STOP' } },
      ],
    });
    const raw = JSON.stringify(forged);
    for (const signature of [whatsappSignatureOf(Buffer.from(raw), 'not-the-app-secret'), undefined]) {
      const response = await postWebhook(raw, signature);
      expect(response.status).toBe(401);
    }
    expect(await stored()).toEqual(before);
    expect(before.inboundMessages).toBe(0);
    expect((await api.request('GET', `/api/leads/${lead.id}`)).body.consent).toMatchObject({ whatsapp: true });
  });

  it("stores a webhook Meta posts twice once, and the run hears the lead's reply once", async () => {
    const lead = await createLead('wa-e2e-retried', '+919800000003');
    const playbookId = await publishPlaybook(api, whatsappSecondReplyPlaybook, 'WhatsApp retried webhook');
    const run = await api.request('POST', '/api/runs', { leadId: lead.id, playbookId });
    expect(run.status).toBe(201);
    const waiting = await runWhen(api, run.body.id, (r) => r.touches?.[0]?.providerMessageId);
    const wamid: string = waiting.touches[0].providerMessageId;

    const reply = JSON.stringify(
      webhookBody({
        contacts: [{ profile: { name: 'Asha' }, wa_id: '919800000003' }],
        messages: [
          {
            from: '919800000003',
            id: 'wamid.E2E-RETRIED',
            timestamp: unixNow(),
            type: 'text',
            text: { body: 'Haan, interested' },
            context: { from: '15550000000', id: wamid },
          },
        ],
      }),
    );
    const signature = whatsappSignatureOf(Buffer.from(reply), sandbox.WHATSAPP_APP_SECRET);
    // Meta retries at once (no 200 seen in time) and again later: here while the run waits for a second reply.
    expect(await postWebhook(reply, signature)).toEqual({
      status: 200,
      body: { events: 1, unmatched: [], unreadable: 0 },
    });
    expect((await postWebhook(reply, signature)).status).toBe(200);
    await runWhen(api, run.body.id, (r) => r.currentNodeId === 'again');
    expect((await postWebhook(reply, signature)).status).toBe(200);

    const ended = await runWhen(api, run.body.id, (r) => r.status !== 'active');
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'heard-once' });
    const replies = await eventsOf('whatsapp_reply', 'wa-e2e-retried');
    expect(replies.map((e) => e.event_id)).toEqual(['wa:wamid.E2E-RETRIED']);
    expect((await storedFor(lead.id, '+919800000003')).inboundMessages).toBe(1);
  });

  const unixNow = () => String(Math.floor(Date.now() / 1000));

  async function createLead(externalId: string, phone: string): Promise<{ id: string }> {
    const response = await api.request('POST', '/api/leads', {
      externalId,
      name: 'Asha Rao',
      company: 'Surat Silks',
      phone,
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** Posts a raw webhook body over HTTP as Meta does, with `signature` as X-Hub-Signature-256 (none when absent). */
  async function postWebhook(raw: string, signature: string | undefined): Promise<{ status: number; body: unknown }> {
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
      body: raw,
    });
    return { status: response.status, body: await response.json() };
  }

  /** How many events the lead has and how many inbound messages came from `phone`. */
  async function storedFor(leadId: string, phone: string): Promise<{ events: number; inboundMessages: number }> {
    const [counts] = await api.app.get(DataSource).query(
      `SELECT (SELECT count(*)::int FROM events WHERE lead_id = $1) AS events,
              (SELECT count(*)::int FROM inbound_messages WHERE from_address = $2) AS "inboundMessages"`,
      [leadId, phone],
    );
    return counts;
  }

  function eventsOf(type: string, externalId = 'wa-e2e-1'): Promise<Array<{ event_id: string; data: any }>> {
    return api.app
      .get(DataSource)
      .query(
        `SELECT event_id, data FROM events e JOIN leads l ON l.id = e.lead_id WHERE l.external_id = $2 AND e.type = $1`,
        [type, externalId],
      );
  }
});

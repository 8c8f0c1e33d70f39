import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../apps/api/src/testing/test-api';
import { eventually } from './support/eventually';
import { SANDBOX_ENV as sandbox, whatsappReplyPlaybook as playbook } from './support/whatsapp';
import { publishPlaybook, runWhen, startInProcessWorker, TIME_SCALE } from './support/playbook-runs';

// Issue 16: the worker's real Graph API client sends to the sandbox over HTTP, the sandbox reports back through
// signed webhooks to the real webhook route, and a reply answered as the lead takes the run down its replied branch.
describe('WhatsApp through the sandbox (API + worker + Temporal + Postgres)', () => {
  let api: TestApi;
  let worker: { stop(): Promise<void> };

  beforeAll(async () => {
    api = await startTestApi({ PLAYBOOK_TIME_SCALE: TIME_SCALE, OUTBOX_POLL_MS: '50', ...sandbox });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.getHttpServer().address() as AddressInfo;
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
    const lead = await api.request('POST', '/api/leads', {
      externalId: 'wa-e2e-1',
      name: 'Asha Rao',
      company: 'Surat Silks',
      phone: '+919812345678',
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    const playbookId = await publishPlaybook(api, playbook, 'WhatsApp intro');
    const run = await api.request('POST', '/api/runs', { leadId: lead.body.id, playbookId });
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

  function eventsOf(type: string): Promise<Array<{ event_id: string; data: any }>> {
    return api.app
      .get(DataSource)
      .query(
        `SELECT event_id, data FROM events e JOIN leads l ON l.id = e.lead_id WHERE l.external_id = 'wa-e2e-1' AND e.type = $1`,
        [type],
      );
  }
});

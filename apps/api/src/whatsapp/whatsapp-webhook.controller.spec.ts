import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../testing/test-api';
import { whatsappSignatureOf } from './whatsapp-signature';
import { WHATSAPP_WEBHOOK_MAX_BYTES } from './whatsapp-webhook-auth';
import { postWebhook, webhookBody } from './whatsapp-webhook.testing';

const APP_SECRET = 'test-app-secret';
const VERIFY_TOKEN = 'test-verify-token';
const AT = '1772445600'; // 2026-03-02T10:00:00Z
const AT_ISO = '2026-03-02T10:00:00.000Z';

describe('WhatsApp webhook (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  let leadId: string;
  let touchId: string;

  beforeAll(async () => {
    api = await startTestApi({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      OUTBOX_DISPATCHER: 'off',
    });
    db = api.app.get(DataSource);
    await api.request('POST', '/api/leads', {
      leads: [
        {
          externalId: 'wa-lead-1',
          name: 'Priya Shah',
          phone: '+919812345678',
          consent: { email: true, whatsapp: true, linkedin: true },
        },
      ],
    });
    [{ id: leadId }] = await db.query(`SELECT id FROM leads WHERE external_id = 'wa-lead-1'`);
    const [{ id: playbookId }] = await db.query(
      `INSERT INTO playbooks (name, draft) VALUES ('wa-spec', '{}') RETURNING id`,
    );
    const [{ id: versionId }] = await db.query(
      `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, '{}') RETURNING id`,
      [playbookId],
    );
    const [{ id: runId }] = await db.query(
      `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version) VALUES ($1, $2, $3, 1) RETURNING id`,
      [leadId, playbookId, versionId],
    );
    [{ id: touchId }] = await db.query(
      `INSERT INTO touches (run_id, lead_id, node_id, visit, channel, body, sender, status, delivery_status, provider_message_id)
       VALUES ($1, $2, 'intro', 1, 'whatsapp', 'Hi Priya', '{}', 'sent', 'sent', 'wamid.OUT1') RETURNING id`,
      [runId, leadId],
    );
  });
  afterAll(() => api.close());

  const eventsOf = (type: string) =>
    db.query(`SELECT event_id, occurred_at, data FROM events WHERE lead_id = $1 AND type = $2 ORDER BY event_id`, [
      leadId,
      type,
    ]);
  const inbound = (wamid: string) =>
    db.query(
      `SELECT kind, lead_id, touch_id, from_address, text, event_id FROM inbound_messages WHERE provider_id = $1`,
      [wamid],
    );

  describe('GET handshake', () => {
    it('echoes hub.challenge for the verify token', async () => {
      const response = await api.app.inject({
        method: 'GET',
        url: `/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('1158201444');
    });

    it.each([
      `hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=1`,
      `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
      '',
    ])('answers 403 to %j', async (query) => {
      expect((await api.app.inject({ method: 'GET', url: `/api/webhooks/whatsapp?${query}` })).statusCode).toBe(403);
    });
  });

  describe('POST signature', () => {
    const reply = webhookBody({
      messages: [{ from: '919812345678', id: 'wamid.FORGED', timestamp: AT, type: 'text', text: { body: 'STOP' } }],
    });

    it.each([
      ['a wrong secret', (body: unknown) => postWebhook(api.app, body, 'not-the-secret')],
      ['no signature', (body: unknown) => postWebhook(api.app, body, APP_SECRET, '')],
      ['a sha1 signature', (body: unknown) => postWebhook(api.app, body, APP_SECRET, 'sha1=0000')],
    ])('answers 401 to %s and stores nothing', async (_name, post) => {
      expect((await post(reply)).status).toBe(401);
      expect(await inbound('wamid.FORGED')).toEqual([]);
      expect(await eventsOf('unsubscribe')).toEqual([]);
    });

    it(`refuses a body over ${WHATSAPP_WEBHOOK_MAX_BYTES} bytes unread (413), signed or not`, async () => {
      const huge = webhookBody({
        messages: [
          {
            from: '919812345678',
            id: 'wamid.HUGE',
            timestamp: AT,
            type: 'text',
            text: { body: 'x'.repeat(WHATSAPP_WEBHOOK_MAX_BYTES) },
          },
        ],
      });
      expect((await postWebhook(api.app, huge, APP_SECRET)).status).toBe(413);
      expect(await inbound('wamid.HUGE')).toEqual([]);
    });

    it('answers 401 to a body changed after signing', async () => {
      const raw = JSON.stringify(reply);
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/webhooks/whatsapp',
        payload: raw.replace('STOP', 'stop'),
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': whatsappSignatureOf(Buffer.from(raw), APP_SECRET),
        },
      });
      expect(response.statusCode).toBe(401);
      expect(await inbound('wamid.FORGED')).toEqual([]);
    });
  });

  describe('statuses', () => {
    const statuses = webhookBody({
      statuses: [
        { id: 'wamid.OUT1', status: 'sent', timestamp: AT, recipient_id: '919812345678' },
        { id: 'wamid.OUT1', status: 'delivered', timestamp: AT, recipient_id: '919812345678' },
        { id: 'wamid.OUT1', status: 'read', timestamp: AT, recipient_id: '919812345678' },
      ],
    });

    it('turns delivered and read into events on the touch, once however often Meta retries', async () => {
      expect(await postWebhook(api.app, statuses, APP_SECRET)).toEqual({
        status: 200,
        body: { events: 2, unmatched: [], unreadable: 0 },
      });
      expect((await postWebhook(api.app, statuses, APP_SECRET)).status).toBe(200);
      const replyTo = { touchId, providerMessageId: 'wamid.OUT1' };
      expect(await eventsOf('whatsapp_delivered')).toEqual([
        { event_id: 'wa-status:wamid.OUT1:delivered', occurred_at: new Date(AT_ISO), data: { replyTo } },
      ]);
      expect(await eventsOf('whatsapp_read')).toEqual([
        { event_id: 'wa-status:wamid.OUT1:read', occurred_at: new Date(AT_ISO), data: { replyTo } },
      ]);
    });

    it('finds the touch by biz_opaque_callback_data when the wamid is not recorded yet', async () => {
      const body = webhookBody({
        statuses: [{ id: 'wamid.NOTYET', status: 'delivered', timestamp: AT, biz_opaque_callback_data: touchId }],
      });
      expect((await postWebhook(api.app, body, APP_SECRET)).body).toEqual({ events: 1, unmatched: [], unreadable: 0 });
      expect((await eventsOf('whatsapp_delivered')).map((e: { event_id: string }) => e.event_id)).toContain(
        'wa-status:wamid.NOTYET:delivered',
      );
    });

    it('answers 200 to a status of an unknown message and to an unreadable item, storing nothing for them', async () => {
      const body = webhookBody({
        statuses: [
          { id: 'wamid.ELSEWHERE', status: 'delivered', timestamp: AT },
          { id: 'wamid.X', status: 'teleported', timestamp: AT },
        ],
      });
      expect(await postWebhook(api.app, body, APP_SECRET)).toEqual({
        status: 200,
        body: { events: 0, unmatched: ['wamid.ELSEWHERE'], unreadable: 1 },
      });
    });

    it("marks the touch failed with Meta's error code", async () => {
      const [{ id: failedTouch }] = await db.query(
        `INSERT INTO touches (run_id, lead_id, node_id, visit, channel, body, sender, status, delivery_status, provider_message_id)
         SELECT run_id, lead_id, 'second', 1, 'whatsapp', 'Hi again', '{}', 'sent', 'sent', 'wamid.OUT2' FROM touches WHERE id = $1 RETURNING id`,
        [touchId],
      );
      const body = webhookBody({
        statuses: [
          {
            id: 'wamid.OUT2',
            status: 'failed',
            timestamp: AT,
            errors: [{ code: 131026, title: 'Message undeliverable' }],
          },
        ],
      });
      expect((await postWebhook(api.app, body, APP_SECRET)).status).toBe(200);
      expect(
        await db.query(`SELECT delivery_status, delivery_status_at, error FROM touches WHERE id = $1`, [failedTouch]),
      ).toEqual([
        {
          delivery_status: 'failed',
          delivery_status_at: new Date(AT_ISO),
          error: 'whatsapp-failed:131026: Message undeliverable',
        },
      ]);
    });
  });

  describe('inbound messages', () => {
    it('threads a reply by context.id to the touch, keeps its text (on the event too, classified), and stores it once', async () => {
      const body = webhookBody({
        contacts: [{ profile: { name: 'Priya' }, wa_id: '919812345678' }],
        messages: [
          {
            from: '919812345678',
            id: 'wamid.IN1',
            timestamp: AT,
            type: 'text',
            text: { body: 'Haan, kal baat karte hain' },
            context: { from: '15550001111', id: 'wamid.OUT1' },
          },
        ],
      });
      expect((await postWebhook(api.app, body, APP_SECRET)).body).toEqual({ events: 1, unmatched: [], unreadable: 0 });
      expect((await postWebhook(api.app, body, APP_SECRET)).status).toBe(200);
      expect(await eventsOf('whatsapp_reply')).toEqual([
        {
          event_id: 'wa:wamid.IN1',
          occurred_at: new Date(AT_ISO),
          data: {
            replyTo: { touchId, providerMessageId: 'wamid.OUT1' },
            // The text rides on the event, with the intent ingest classified it as (what runs hear).
            properties: {
              text: 'Haan, kal baat karte hain',
              intent: expect.objectContaining({ language: 'hi-Latn', model: expect.stringMatching(/^intent-lr-/) }),
            },
          },
        },
      ]);
      expect(await inbound('wamid.IN1')).toEqual([
        {
          kind: 'reply',
          lead_id: leadId,
          touch_id: touchId,
          from_address: '+919812345678',
          text: 'Haan, kal baat karte hain',
          event_id: 'wa:wamid.IN1',
        },
      ]);
    });

    it('threads a message without context to the lead with that number', async () => {
      const body = webhookBody({
        messages: [
          { from: '919812345678', id: 'wamid.IN2', timestamp: AT, type: 'button', button: { text: 'Call me' } },
        ],
      });
      expect((await postWebhook(api.app, body, APP_SECRET)).body).toEqual({ events: 1, unmatched: [], unreadable: 0 });
      expect(
        (await eventsOf('whatsapp_reply')).find((e: { event_id: string }) => e.event_id === 'wa:wamid.IN2'),
      ).toEqual({
        event_id: 'wa:wamid.IN2',
        occurred_at: new Date(AT_ISO),
        data: { properties: { text: 'Call me', intent: expect.objectContaining({ intent: expect.any(String) }) } },
      });
      expect(await inbound('wamid.IN2')).toEqual([
        expect.objectContaining({ kind: 'reply', touch_id: null, text: 'Call me' }),
      ]);
    });

    it('turns STOP (or "band karo") into an unsubscribe from WhatsApp, not a reply', async () => {
      const body = webhookBody({
        messages: [
          {
            from: '919812345678',
            id: 'wamid.STOP1',
            timestamp: AT,
            type: 'text',
            text: { body: 'STOP' },
            context: { id: 'wamid.OUT1' },
          },
          { from: '919812345678', id: 'wamid.STOP2', timestamp: AT, type: 'text', text: { body: 'band karo' } },
        ],
      });
      expect((await postWebhook(api.app, body, APP_SECRET)).body).toEqual({ events: 2, unmatched: [], unreadable: 0 });
      const unsubscribes = await db.query(
        `SELECT event_id, data FROM events WHERE lead_id = $1 AND type = 'unsubscribe' ORDER BY event_id`,
        [leadId],
      );
      expect(unsubscribes).toEqual([
        {
          event_id: 'wa:wamid.STOP1',
          data: { channel: 'whatsapp', replyTo: { touchId, providerMessageId: 'wamid.OUT1' } },
        },
        { event_id: 'wa:wamid.STOP2', data: { channel: 'whatsapp' } },
      ]);
      expect((await inbound('wamid.STOP1'))[0]).toMatchObject({ kind: 'opt_out', text: 'STOP' });
      expect((await eventsOf('whatsapp_reply')).map((e: { event_id: string }) => e.event_id)).not.toContain(
        'wa:wamid.STOP1',
      );
    });

    it('keeps a message from an unknown number as unmatched, with no event', async () => {
      const body = webhookBody({
        messages: [
          { from: '14155550100', id: 'wamid.STRANGER', timestamp: AT, type: 'text', text: { body: 'Who is this?' } },
        ],
      });
      expect(await postWebhook(api.app, body, APP_SECRET)).toEqual({
        status: 200,
        body: { events: 0, unmatched: ['wamid.STRANGER'], unreadable: 0 },
      });
      expect(await inbound('wamid.STRANGER')).toEqual([
        {
          kind: 'unmatched',
          lead_id: null,
          touch_id: null,
          from_address: '+14155550100',
          text: 'Who is this?',
          event_id: null,
        },
      ]);
    });

    it('suppresses an unknown number that sends STOP, so a lead imported with it later is never messaged', async () => {
      const body = webhookBody({
        messages: [
          { from: '14155550199', id: 'wamid.STRANGER-STOP', timestamp: AT, type: 'text', text: { body: 'STOP' } },
        ],
      });
      expect((await postWebhook(api.app, body, APP_SECRET)).body).toEqual({
        events: 0,
        unmatched: ['wamid.STRANGER-STOP'],
        unreadable: 0,
      });
      expect(
        await db.query(
          `SELECT channel, reason, lead_id, source FROM suppressions WHERE address = encode(sha256(convert_to('+14155550199', 'UTF8')), 'hex')`,
        ),
      ).toEqual([
        { channel: 'whatsapp', reason: 'unsubscribe', lead_id: null, source: 'whatsapp:wamid.STRANGER-STOP' },
      ]);
      expect(
        await db.query(
          `SELECT count(*)::int AS n FROM suppressions WHERE address = encode(sha256(convert_to('+14155550100', 'UTF8')), 'hex')`,
        ),
      ).toEqual([{ n: 0 }]);
    });
  });
});

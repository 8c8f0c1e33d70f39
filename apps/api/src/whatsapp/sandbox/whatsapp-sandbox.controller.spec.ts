import { startTestApi, TestApi } from '../../testing/test-api';
import { postWebhook, webhookBody } from '../whatsapp-webhook.testing';

const sandbox = {
  WHATSAPP_SANDBOX: 'on',
  WHATSAPP_APP_SECRET: 'spec-app-secret',
  WHATSAPP_ACCESS_TOKEN: 'spec-access-token',
  WHATSAPP_PHONE_NUMBER_ID: '109876',
} as const;
const text = { messaging_product: 'whatsapp', to: '+919812345678', type: 'text', text: { body: 'Hi' } };

describe('WhatsApp sandbox Graph contract (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ ...sandbox, OUTBOX_DISPATCHER: 'off' });
  });
  afterAll(() => api.close());

  const send = async (
    body: unknown,
    { token = sandbox.WHATSAPP_ACCESS_TOKEN as string, phoneNumberId = '109876' } = {},
  ) => {
    const response = await api.app.inject({
      method: 'POST',
      url: `/api/sandbox/whatsapp/v25.0/${phoneNumberId}/messages`,
      payload: body as object,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.statusCode, body: JSON.parse(response.body) };
  };

  it('accepts a text message like Meta: messaging_product, contacts and a wamid', async () => {
    const { status, body } = await send(text);
    expect(status).toBe(200);
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+919812345678', wa_id: '919812345678' }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    const conversation = await api.request(
      'GET',
      `/api/sandbox/whatsapp/conversations/${encodeURIComponent('+919812345678')}`,
    );
    expect(conversation.body).toEqual([
      expect.objectContaining({ wamid: body.messages[0].id, direction: 'outbound', type: 'text', body: 'Hi' }),
    ]);
  });

  it('refuses a wrong bearer token with code 190 (401)', async () => {
    expect(await send(text, { token: 'stolen' })).toEqual({
      status: 401,
      body: { error: expect.objectContaining({ code: 190, type: 'OAuthException' }) },
    });
  });

  it.each([
    ['a number that is not E.164', { ...text, to: '98123 45678' }, 'to'],
    ['an unsupported type', { ...text, type: 'image', image: { link: 'https://x' } }, 'type'],
    ['an empty text', { ...text, text: { body: '' } }, 'text.body'],
    [
      'a template without language',
      { messaging_product: 'whatsapp', to: '+919812345678', type: 'template', template: { name: 'intro' } },
      'template.language',
    ],
  ])('refuses %s with code 100 naming the field', async (_name, body, field) => {
    const { status, body: answer } = await send(body);
    expect(status).toBe(400);
    expect(answer.error).toMatchObject({ code: 100, message: '(#100) Invalid parameter' });
    expect(answer.error.error_data.details).toContain(field);
  });

  it('refuses another phone number id', async () => {
    expect((await send(text, { phoneNumberId: '555' })).body.error).toMatchObject({ code: 100 });
  });

  it('is not there without WHATSAPP_SANDBOX=on', async () => {
    const off = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
    try {
      const response = await off.app.inject({
        method: 'POST',
        url: '/api/sandbox/whatsapp/v25.0/109876/messages',
        payload: text,
        headers: { authorization: 'Bearer x' },
      });
      expect(response.statusCode).toBe(404);
      expect((await off.request('GET', '/api/sandbox/whatsapp/conversations')).status).toBe(404);
      // Without WHATSAPP_APP_SECRET no webhook can be verified: every POST is refused.
      expect((await postWebhook(off.app, webhookBody({ statuses: [] }), 'any-secret')).status).toBe(401);
    } finally {
      await off.close();
    }
  });
});

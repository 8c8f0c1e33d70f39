import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  isPermanentDeliveryFailure,
  PERMANENT_DELIVERY_FAILURE,
  type OutgoingTouch,
} from '../activities/playbook-touch-provider';
import { isPermanentGraphError } from './classify-graph-error';
import { createGraphApiClient, GraphApiError } from './graph-api-client';
import { createWhatsAppTouchProvider, OUTSIDE_WINDOW_NO_TEMPLATE } from './whatsapp-touch-provider';

type Received = { method: string; url: string; authorization: string | undefined; body: any };
type Answer = { status: number; body: unknown; delayMs?: number };

/** A local server speaking the Cloud API's messages contract: records each request, answers what the test queued. */
async function startGraphServer(): Promise<{ url: string; received: Received[]; answers: Answer[]; server: Server }> {
  const received: Received[] = [];
  const answers: Answer[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        authorization: request.headers.authorization,
        body: JSON.parse(raw),
      });
      const answer = answers.shift() ?? {
        status: 200,
        body: { messaging_product: 'whatsapp', contacts: [], messages: [{ id: `wamid.TEST${received.length}` }] },
      };
      setTimeout(
        () =>
          response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body)),
        answer.delayMs ?? 0,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v25.0`, received, answers, server };
}

const NOW = new Date('2026-03-02T10:00:00Z');
const HOURS = 60 * 60 * 1000;
const touch: OutgoingTouch = {
  idempotencyKey: 'run-1:intro:1',
  messageId: '<run-1.intro.1@segflow.test>',
  leadId: 'lead-1',
  touchId: 'touch-1',
  channel: 'whatsapp',
  to: '+919812345678',
  from: { name: 'Meera', address: null },
  subject: null,
  body: 'Hi Priya, following up on your enquiry',
  html: null,
  whatsappTemplate: { name: 'intro_followup', language: 'en', parameters: ['Priya', 'Meera'] },
};

describe('createWhatsAppTouchProvider', () => {
  let graph: Awaited<ReturnType<typeof startGraphServer>>;
  let lastInbound: Date | null;
  const provider = (timeoutMs?: number) =>
    createWhatsAppTouchProvider({
      client: createGraphApiClient({
        apiUrl: graph.url,
        phoneNumberId: '109876',
        accessToken: 'test-token',
        ...(timeoutMs ? { timeoutMs } : {}),
      }),
      lastInboundAt: async () => lastInbound,
      now: () => NOW,
    });

  beforeEach(async () => {
    graph = await startGraphServer();
    lastInbound = null;
  });
  afterEach(() => new Promise<void>((resolve) => graph.server.close(() => resolve())));

  it("sends free-form text inside 24 h of the lead's last message, with the bearer token and the touch id", async () => {
    lastInbound = new Date(NOW.getTime() - 23 * HOURS);
    await expect(provider().send(touch)).resolves.toEqual({ providerMessageId: 'wamid.TEST1' });
    expect(graph.received).toEqual([
      {
        method: 'POST',
        url: '/v25.0/109876/messages',
        authorization: 'Bearer test-token',
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          biz_opaque_callback_data: 'touch-1',
          to: '+919812345678',
          type: 'text',
          text: { body: 'Hi Priya, following up on your enquiry', preview_url: false },
        },
      },
    ]);
  });

  it('sends the approved template outside the window (no inbound message, or one older than 24 h)', async () => {
    await provider().send(touch);
    lastInbound = new Date(NOW.getTime() - 24 * HOURS);
    await provider().send(touch);
    for (const { body } of graph.received) {
      expect(body).toMatchObject({
        type: 'template',
        template: {
          name: 'intro_followup',
          language: { code: 'en' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Priya' },
                { type: 'text', text: 'Meera' },
              ],
            },
          ],
        },
      });
      expect(body.text).toBeUndefined();
    }
  });

  it('refuses for good outside the window without a template, calling nothing', async () => {
    const refused = await provider()
      .send({ ...touch, whatsappTemplate: null })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      nonRetryable: true,
      type: PERMANENT_DELIVERY_FAILURE,
      message: OUTSIDE_WINDOW_NO_TEMPLATE,
    });
    expect(graph.received).toHaveLength(0);
  });

  it('refuses a malformed number before calling Meta', async () => {
    await expect(provider().send({ ...touch, to: '98123 45678' })).rejects.toMatchObject({
      message: 'invalid-address:whatsapp',
      nonRetryable: true,
    });
    expect(graph.received).toHaveLength(0);
  });

  it.each([
    [400, 131026, 'Message undeliverable'],
    [400, 132001, 'Template name does not exist in the translation'],
    [400, 100, 'Invalid parameter'],
    [400, 131047, 'Re-engagement message'],
  ])('turns HTTP %i code %i into a permanent refusal', async (status, code, message) => {
    graph.answers.push({
      status,
      body: {
        error: {
          message,
          type: 'OAuthException',
          code,
          error_data: { messaging_product: 'whatsapp', details: 'see docs' },
        },
      },
    });
    const refused = await provider()
      .send(touch)
      .catch((e: unknown) => e);
    expect(isPermanentDeliveryFailure(refused)).toBe(true);
    expect((refused as Error).message).toBe(`whatsapp-refused:${code}: ${message} — see docs`);
  });

  it.each([
    [429, { error: { message: 'Rate limit hit', code: 130429 } }],
    [400, { error: { message: 'Spam rate limit hit', code: 131048 } }],
    [401, { error: { message: 'Error validating access token', code: 190 } }],
    [500, { error: { message: 'Something went wrong', code: 131000 } }],
    [502, '<html>Bad gateway</html>'],
  ])('throws HTTP %i %j as a transient error (Temporal retries)', async (status, body) => {
    graph.answers.push({ status, body });
    const error = await provider()
      .send(touch)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(isPermanentDeliveryFailure(error)).toBe(false);
  });

  it('throws a timeout as a transient error', async () => {
    graph.answers.push({ status: 200, body: { messages: [{ id: 'wamid.late' }] }, delayMs: 500 });
    const error = await provider(50)
      .send(touch)
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    expect(isPermanentDeliveryFailure(error)).toBe(false);
  });
});

describe('isPermanentGraphError', () => {
  it('treats an unexplained 400 as permanent and anything that is not a Graph refusal as transient', () => {
    expect(isPermanentGraphError(new GraphApiError(400, null, 'bad request'))).toBe(true);
    expect(isPermanentGraphError(new GraphApiError(503, null, 'unavailable'))).toBe(false);
    expect(isPermanentGraphError(new Error('ECONNRESET'))).toBe(false);
  });
});

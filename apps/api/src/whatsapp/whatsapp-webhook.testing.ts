import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { whatsappSignatureOf } from './whatsapp-signature';
import { WHATSAPP_WEBHOOK_PATH } from './whatsapp-webhook-auth';

/** A Cloud API webhook envelope around one change value, as Meta posts it. */
export function webhookBody(value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba-1',
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '109876' }, ...value },
          },
        ],
      },
    ],
  };
}

/** Posts a webhook body signed with `secret` (or with the given signature header) to the app, as Meta would. */
export async function postWebhook(app: NestFastifyApplication, body: unknown, secret: string, signature?: string) {
  const raw = JSON.stringify(body);
  const response = await app.inject({
    method: 'POST',
    url: WHATSAPP_WEBHOOK_PATH,
    payload: raw,
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signature ?? whatsappSignatureOf(Buffer.from(raw), secret),
    },
  });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined };
}

import type { WhatsAppWebhookOutcome } from '../whatsapp-webhook.service';
import { whatsappSignatureOf } from '../whatsapp-signature';
import { WHATSAPP_WEBHOOK_PATH } from '../whatsapp-webhook-auth';

/** Something that takes an HTTP request in-process (Fastify's `inject`), so the sandbox needs no listening address. */
export interface InjectTarget {
  inject(request: {
    method: 'POST';
    url: string;
    payload: string;
    headers: Record<string, string>;
  }): Promise<{ statusCode: number; body: string }>;
}

/** The sandbox business number webhooks name as `display_phone_number`. */
export const SANDBOX_DISPLAY_NUMBER = '15550000000';

/** A Cloud API webhook envelope around one `messages` change, as Meta posts it. */
export function sandboxWebhookBody(phoneNumberId: string, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'sandbox-waba',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: SANDBOX_DISPLAY_NUMBER, phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/**
 * Posts a webhook to our own webhook route, signed with the app secret exactly as Meta signs (`X-Hub-Signature-256`
 * over the raw body), through Fastify's request injection: the same route, raw-body check and handler as Meta's.
 */
export async function postSandboxWebhook(
  target: InjectTarget,
  appSecret: string,
  body: unknown,
): Promise<WhatsAppWebhookOutcome> {
  const raw = JSON.stringify(body);
  const response = await target.inject({
    method: 'POST',
    url: WHATSAPP_WEBHOOK_PATH,
    payload: raw,
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': whatsappSignatureOf(Buffer.from(raw), appSecret),
    },
  });
  if (response.statusCode !== 200) throw new Error(`sandbox webhook answered ${response.statusCode}: ${response.body}`);
  return JSON.parse(response.body) as WhatsAppWebhookOutcome;
}

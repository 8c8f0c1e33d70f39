import {
  addressRefusal,
  refuseDelivery,
  type OutgoingTouch,
  type TouchProvider,
} from '../activities/playbook-touch-provider';
import { isPermanentGraphError } from './classify-graph-error';
import type { GraphApiClient, GraphMessage } from './graph-api-client';

/** Meta's customer-service window: free-form messages only this long after the lead's last message to us. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Refusal of a send outside the window from a node without a template. */
export const OUTSIDE_WINDOW_NO_TEMPLATE = 'whatsapp-outside-24h-window-no-template';

export interface WhatsAppTouchProviderOptions {
  client: GraphApiClient;
  /** When the lead last wrote to us on WhatsApp (their newest `whatsapp_reply`), or null. */
  lastInboundAt(leadId: string): Promise<Date | null>;
  now(): Date;
}

/** The message to send: free-form text inside the window, else the node's approved template, else null. */
export function whatsappMessageOf(touch: OutgoingTouch & { to: string }, insideWindow: boolean): GraphMessage | null {
  if (insideWindow) return { to: touch.to, type: 'text', text: { body: touch.body, preview_url: false } };
  const template = touch.whatsappTemplate;
  if (!template) return null;
  const parameters = template.parameters.map((text) => ({ type: 'text' as const, text }));
  return {
    to: touch.to,
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.language },
      components: parameters.length ? [{ type: 'body', parameters }] : [],
    },
  };
}

/**
 * Sends WhatsApp touches through the Cloud API. Meta's permanent refusals (see {@link isPermanentGraphError}) become
 * {@link refuseDelivery}; everything else is thrown as is, so Temporal retries with back-off. The touch's id (or its
 * idempotency key) rides along as `biz_opaque_callback_data`, which Meta echoes in status webhooks.
 */
export function createWhatsAppTouchProvider({
  client,
  lastInboundAt,
  now,
}: WhatsAppTouchProviderOptions): TouchProvider {
  return {
    async send(touch) {
      const refusal = addressRefusal('whatsapp', touch.to);
      if (refusal || !touch.to) throw refuseDelivery(refusal ?? 'no-address:whatsapp');
      const last = await lastInboundAt(touch.leadId);
      const insideWindow = last !== null && now().getTime() - last.getTime() < CUSTOMER_SERVICE_WINDOW_MS;
      const message = whatsappMessageOf({ ...touch, to: touch.to }, insideWindow);
      if (!message) throw refuseDelivery(OUTSIDE_WINDOW_NO_TEMPLATE);
      try {
        const { wamid } = await client.sendMessage(message, touch.touchId ?? touch.idempotencyKey);
        return { providerMessageId: wamid };
      } catch (error) {
        if (isPermanentGraphError(error))
          throw refuseDelivery(`whatsapp-refused:${error.code ?? error.status}: ${error.details}`);
        throw error;
      }
    },
  };
}

import type { Pool } from 'pg';
import { recordingTouchProvider, type TouchProvider } from './activities/playbook-touch-provider';
import type { WorkerConfig } from './config';
import { createGraphApiClient } from './whatsapp/graph-api-client';
import { lastWhatsAppInboundAt } from './whatsapp/last-inbound';
import { createWhatsAppTouchProvider } from './whatsapp/whatsapp-touch-provider';

type ProviderConfig = Pick<WorkerConfig, 'WHATSAPP_API_URL' | 'WHATSAPP_PHONE_NUMBER_ID' | 'WHATSAPP_ACCESS_TOKEN'>;

/**
 * The provider of each channel: the WhatsApp Cloud API (or the sandbox speaking its contract) when a phone number id
 * and token are configured, else the recording provider, which sends nothing.
 */
export function createChannelTouchProvider(config: ProviderConfig, pool: Pool): TouchProvider {
  const { WHATSAPP_API_URL: apiUrl, WHATSAPP_PHONE_NUMBER_ID: phoneNumberId, WHATSAPP_ACCESS_TOKEN: accessToken } = config;
  const whatsapp = phoneNumberId && accessToken
    ? createWhatsAppTouchProvider({
      client: createGraphApiClient({ apiUrl, phoneNumberId, accessToken }),
      lastInboundAt: (leadId) => lastWhatsAppInboundAt(pool, leadId),
      now: () => new Date(),
    })
    : recordingTouchProvider;
  return { send: (touch) => (touch.channel === 'whatsapp' ? whatsapp : recordingTouchProvider).send(touch) };
}

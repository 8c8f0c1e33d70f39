import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Signer } from '@segflow/channels';
import { lastWhatsAppInboundAt, rowsOf } from '@segflow/stores';
import type { Pool } from 'pg';
import {
  recordingTouchProvider,
  touchProviderByChannel,
  type TouchProvider,
} from './activities/playbook-touch-provider';
import type { WorkerConfig } from './config';
import { createSmtpTouchProvider, unconfiguredEmailProvider } from './email/smtp-touch-provider';
import { createGraphApiClient } from './whatsapp/graph-api-client';
import { createWhatsAppTouchProvider } from './whatsapp/whatsapp-touch-provider';

/** The config a worker's touch providers read. */
export type TouchProviderConfig = Pick<
  WorkerConfig,
  | 'SMTP_URL'
  | 'SEGFLOW_SECRET'
  | 'PUBLIC_URL'
  | 'EMAIL_FROM_DOMAIN'
  | 'INBOUND_EMAIL_DOMAIN'
  | 'EMAIL_DKIM_SELECTOR'
  | 'EMAIL_DKIM_PRIVATE_KEY_FILE'
  | 'EMAIL_TRACK_OPENS'
  | 'WHATSAPP_API_URL'
  | 'WHATSAPP_PHONE_NUMBER_ID'
  | 'WHATSAPP_ACCESS_TOKEN'
>;

/**
 * The HMAC every signed link and reply address uses (`SEGFLOW_SECRET`; the API verifies with the same secret).
 *
 * @example
 * signToken({ purpose: 'unsubscribe', touchId }, hmacSigner(secret));
 */
export function hmacSigner(secret: string): Signer {
  return (data) => createHmac('sha256', secret).update(data).digest('base64url');
}

function readDkimKeyOrThrow(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `invalid configuration: EMAIL_DKIM_PRIVATE_KEY_FILE: cannot read ${file} (${(error as Error).message})`,
    );
  }
}

/**
 * The WhatsApp Cloud API (or the sandbox speaking its contract) when a phone number id and token are configured;
 * else the recording provider, which sends nothing (README: what is sent where).
 */
function whatsappProvider(config: TouchProviderConfig, pool: Pool): TouchProvider {
  const {
    WHATSAPP_API_URL: apiUrl,
    WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
    WHATSAPP_ACCESS_TOKEN: accessToken,
  } = config;
  if (!phoneNumberId || !accessToken) return recordingTouchProvider;
  return createWhatsAppTouchProvider({
    client: createGraphApiClient({ apiUrl, phoneNumberId, accessToken }),
    lastInboundAt: (leadId) => lastWhatsAppInboundAt(rowsOf(pool), leadId),
    now: () => new Date(),
  });
}

/**
 * The touch provider of a worker, by channel: email over SMTP when `SMTP_URL` is set (else email touches wait,
 * retried); WhatsApp as {@link whatsappProvider}. `close` ends the SMTP pool.
 */
export function createTouchProvider(
  config: TouchProviderConfig,
  pool: Pool,
): { provider: TouchProvider; close(): void } {
  const whatsapp = whatsappProvider(config, pool);
  if (!config.SMTP_URL || !config.SEGFLOW_SECRET) {
    return { provider: touchProviderByChannel({ email: unconfiguredEmailProvider, whatsapp }), close: () => undefined };
  }
  const dkimKeyFile = config.EMAIL_DKIM_PRIVATE_KEY_FILE;
  const email = createSmtpTouchProvider({
    smtpUrl: config.SMTP_URL,
    settings: {
      publicUrl: config.PUBLIC_URL,
      fromDomain: config.EMAIL_FROM_DOMAIN,
      inboundDomain: config.INBOUND_EMAIL_DOMAIN,
      trackOpens: config.EMAIL_TRACK_OPENS === 'on',
      sign: hmacSigner(config.SEGFLOW_SECRET),
    },
    dkim:
      config.EMAIL_DKIM_SELECTOR && dkimKeyFile
        ? { selector: config.EMAIL_DKIM_SELECTOR, privateKey: readDkimKeyOrThrow(dkimKeyFile) }
        : null,
  });
  return { provider: touchProviderByChannel({ email, whatsapp }), close: email.close };
}

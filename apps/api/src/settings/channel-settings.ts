import type { ChannelSettings } from '@segflow/api-contracts';
import type { AppConfig } from '../config/app-config';

/** Host and port of an SMTP URL, without its credentials. */
function relayOf(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}

/** What the admin screen shows about the channels: which path each takes, never a password, token or key. */
export function channelSettingsOf(config: AppConfig): ChannelSettings {
  const sandboxMail = config.MAIL_SANDBOX === 'on';
  return {
    email: {
      transport: sandboxMail ? 'sandbox' : config.SMTP_URL ? 'relay' : 'none',
      relay: config.SMTP_URL ? relayOf(config.SMTP_URL) : null,
      inboundDomain: config.INBOUND_EMAIL_DOMAIN,
      inboundWebhook: Boolean(config.INBOUND_EMAIL_SECRET),
      inboundSmtpPort: config.INBOUND_SMTP_PORT ?? null,
    },
    whatsapp: {
      mode: config.WHATSAPP_SANDBOX === 'on' ? 'sandbox' : config.WHATSAPP_ACCESS_TOKEN ? 'cloud' : 'off',
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID ?? null,
      webhook: Boolean(config.WHATSAPP_VERIFY_TOKEN && config.WHATSAPP_APP_SECRET),
    },
  };
}

import { appConfigSchema } from '../config/app-config';
import { channelSettingsOf } from './channel-settings';

const configOf = (env: Record<string, string>) =>
  appConfigSchema.parse({ DATABASE_URL: 'postgres://segflow@127.0.0.1/segflow', ...env });

describe('channelSettingsOf', () => {
  it('names the relay without its credentials and Meta when a token is set, never a secret', () => {
    const settings = channelSettingsOf(
      configOf({
        SMTP_URL: 'smtps://mailer:hunter2-secret@smtp.example.in:465',
        INBOUND_EMAIL_SECRET: 'inbound-secret-0123456789',
        WHATSAPP_ACCESS_TOKEN: 'EAAG-meta-token',
        WHATSAPP_PHONE_NUMBER_ID: '100200300',
        WHATSAPP_APP_SECRET: 'app-secret-xyz',
        WHATSAPP_VERIFY_TOKEN: 'verify-token-xyz',
      }),
    );
    expect(settings).toEqual({
      email: {
        transport: 'relay',
        relay: 'smtps://smtp.example.in:465',
        inboundDomain: 'reply.segflow.local',
        inboundWebhook: true,
        inboundSmtpPort: null,
      },
      whatsapp: { mode: 'cloud', phoneNumberId: '100200300', webhook: true },
    });
    const text = JSON.stringify(settings);
    for (const secret of ['hunter2', 'mailer', 'inbound-secret', 'EAAG', 'app-secret', 'verify-token'])
      expect(text).not.toContain(secret);
  });

  it('says sandbox and off when nothing real is configured', () => {
    expect(channelSettingsOf(configOf({ MAIL_SANDBOX: 'on', INBOUND_SMTP_PORT: '2526' }))).toEqual({
      email: {
        transport: 'sandbox',
        relay: null,
        inboundDomain: 'reply.segflow.local',
        inboundWebhook: false,
        inboundSmtpPort: 2526,
      },
      whatsapp: { mode: 'off', phoneNumberId: null, webhook: false },
    });
  });
});

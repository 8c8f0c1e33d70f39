import { useQuery } from '@tanstack/react-query';
import { getChannelSettings } from '../api/admin';
import { queryKeys } from '../query/keys';

const EMAIL_TRANSPORT = {
  relay: 'SMTP relay',
  sandbox: 'Sandbox: the embedded server keeps every email (nothing is delivered)',
  none: 'None configured',
} as const;
const WHATSAPP_MODE = {
  cloud: "Meta's WhatsApp Cloud API",
  sandbox: 'Sandbox: nothing reaches real phones',
  off: 'Off: WhatsApp touches are recorded, not sent',
} as const;

/** `/admin/channels` (ops): how email and WhatsApp are configured, from the API's environment; never a secret. */
export function AdminChannelsPage() {
  const { data: settings, error } = useQuery({
    queryKey: queryKeys.channelSettings.all,
    queryFn: getChannelSettings,
  });
  if (error)
    return (
      <p role="alert" className="error">
        {error.message}
      </p>
    );
  if (!settings) return <p className="muted">Loading…</p>;
  const { email, whatsapp } = settings;
  return (
    <section>
      <h1>Channels</h1>
      <p className="muted">Set through environment variables (README, Configuration); shown here without secrets.</p>
      <h2>Email</h2>
      <dl className="settings" aria-label="Email settings">
        <dt>Sending</dt>
        <dd>{EMAIL_TRANSPORT[email.transport]}</dd>
        {email.relay && (
          <>
            <dt>Relay</dt>
            <dd>
              <code>{email.relay}</code>
            </dd>
          </>
        )}
        <dt>Reply domain</dt>
        <dd>
          <code>{email.inboundDomain ?? '—'}</code>
        </dd>
        <dt>Inbound</dt>
        <dd>
          {[
            email.inboundSmtpPort !== null && `embedded SMTP server on port ${email.inboundSmtpPort}`,
            email.inboundWebhook && 'POST /api/inbound/email (shared secret set)',
          ]
            .filter(Boolean)
            .join('; ') || 'no inbound path configured: replies and bounces do not come back'}
        </dd>
      </dl>
      <h2>WhatsApp</h2>
      <dl className="settings" aria-label="WhatsApp settings">
        <dt>Sending</dt>
        <dd>{WHATSAPP_MODE[whatsapp.mode]}</dd>
        <dt>Phone number id</dt>
        <dd>{whatsapp.phoneNumberId ?? '—'}</dd>
        <dt>Webhook</dt>
        <dd>
          {whatsapp.webhook
            ? 'verify token and app secret set: statuses and replies come back'
            : 'not configured: statuses and replies do not come back'}
        </dd>
      </dl>
    </section>
  );
}

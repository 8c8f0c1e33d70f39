import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { OutgoingTouch, TouchProvider } from '../activities/playbook-touch-provider';
import { buildEmailMessage, type EmailSettings } from './email-message';
import { classifySmtpErrorOrThrow } from './smtp-errors';
import { connectWithoutDelay } from './smtp-socket';

/** DKIM signing key of the sending domain (`EMAIL_DKIM_SELECTOR`, `EMAIL_DKIM_PRIVATE_KEY_FILE`). */
export interface DkimKey {
  selector: string;
  privateKey: string;
}

export interface SmtpTouchProviderOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  smtpUrl: string;
  settings: EmailSettings;
  dkim: DkimKey | null;
}

/** An email {@link TouchProvider} over SMTP, and how to close its pooled connections. */
export type SmtpTouchProvider = TouchProvider & { close(): void };

/**
 * Host, port, TLS and credentials of an `smtp://` / `smtps://` URL. Parsed here because nodemailer's own `url`
 * option replaces every other transport option (pooling and DKIM were silently dropped).
 */
function connectionOf(smtpUrl: string): Omit<SMTPPool.Options, 'pool'> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
  };
}

/**
 * Sends email touches over a pooled SMTP transport (connections are reused across touches), DKIM-signed for
 * `EMAIL_FROM_DOMAIN` when a key is given. The touch's Message-ID is the message's, so the provider message id.
 */
export function createSmtpTouchProvider({ smtpUrl, settings, dkim }: SmtpTouchProviderOptions): SmtpTouchProvider {
  const transport: Transporter = createTransport({
    ...connectionOf(smtpUrl),
    pool: true,
    getSocket: connectWithoutDelay,
    ...(dkim
      ? { dkim: { domainName: settings.fromDomain, keySelector: dkim.selector, privateKey: dkim.privateKey } }
      : {}),
  });
  return {
    async send(touch: OutgoingTouch) {
      const info = await transport.sendMail(buildEmailMessage(touch, settings)).catch(classifySmtpErrorOrThrow);
      return { providerMessageId: (info as { messageId: string }).messageId };
    },
    close: () => transport.close(),
  };
}

/**
 * Stands in for the email provider when `SMTP_URL` is unset: the worker still starts (tests without email, a setup
 * in progress), and every email touch fails transiently, so Temporal keeps retrying it until a worker with SMTP_URL
 * takes it. Nothing is recorded as sent.
 */
export const unconfiguredEmailProvider: TouchProvider = {
  async send() {
    throw new Error(
      'SMTP_URL is not set on this worker: the email waits (retried) until a worker with SMTP_URL sends it',
    );
  },
};

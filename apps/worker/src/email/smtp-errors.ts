import { refuseDelivery } from '../activities/playbook-touch-provider';

/**
 * What an SMTP failure means for a touch. A 5xx reply to the message or its recipient is permanent: a non-retryable
 * refusal (`smtp-550: …`) the run routes per its node's failure policy. Everything else is transient and rethrown for
 * Temporal to retry with back-off: 4xx replies (greylisting, rate limits, mailbox busy), connection errors, timeouts,
 * and authentication failures (ours to fix: the touch must wait, not fail).
 */
export function classifySmtpErrorOrThrow(error: unknown): never {
  const { responseCode, code, response, message } = error as {
    responseCode?: number;
    code?: string;
    response?: string;
    message?: string;
  };
  if (typeof responseCode === 'number' && responseCode >= 500 && code !== 'EAUTH') {
    throw refuseDelivery(`smtp-${responseCode}: ${(response ?? message ?? '').slice(0, 200)}`);
  }
  throw error;
}

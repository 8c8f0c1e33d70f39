import { ApplicationFailure } from '@temporalio/activity';

/**
 * A rendered message handed to a channel provider, as recorded in its `touches` row before the call. `to` is the
 * lead's address on the channel (checked by {@link addressRefusal}); `messageId` is derived from the idempotency key
 * and is the same on every retry, so a provider passes it on (email `Message-ID`, WhatsApp client reference).
 */
export interface OutgoingTouch {
  /** The `touches` row of the send intent; echoed back by providers that carry a reference. */
  touchId: string;
  /** The lead the touch goes to (the WhatsApp provider looks up their 24-hour window). */
  leadId: string;
  idempotencyKey: string;
  messageId: string;
  channel: 'email' | 'whatsapp';
  to: string;
  from: { name: string; address: string | null };
  subject: string | null;
  body: string;
  /** Email: the rendered HTML template, or null to make the HTML part from `body`. */
  html: string | null;
  /** WhatsApp: the approved template (parameters rendered) for sends outside the 24-hour window, or null. */
  whatsappTemplate: { name: string; language: string; parameters: string[] } | null;
}

/** Failure type of a permanent refusal (bad or missing address, rejected content). */
export const PERMANENT_DELIVERY_FAILURE = 'PermanentDeliveryFailure';

/**
 * A provider's refusal for good: non-retryable, so Temporal does not retry the activity and the run follows its
 * node's failure policy (`failed` edge, skip or exit).
 *
 * @example
 * throw refuseDelivery('no-address:email');
 */
export function refuseDelivery(reason: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(reason, PERMANENT_DELIVERY_FAILURE);
}

/** Whether an error is a permanent refusal (see {@link refuseDelivery}); anything else is retried. */
export function isPermanentDeliveryFailure(error: unknown): error is ApplicationFailure {
  return error instanceof ApplicationFailure && error.nonRetryable === true;
}

/**
 * Sends touches on a channel. It must pass `messageId` on, so the recipient (or the provider) can recognise a
 * resend after a crash between its accept and our record.
 * Throw {@link refuseDelivery} for a send that can never succeed; any other error is retried.
 */
export interface TouchProvider {
  send(touch: OutgoingTouch): Promise<{ providerMessageId: string }>;
}

/**
 * One provider per channel behind the {@link TouchProvider} interface: each touch goes to its channel's provider.
 *
 * @example
 * const provider = touchProviderByChannel({ email: smtpProvider, whatsapp: recordingTouchProvider });
 */
export function touchProviderByChannel(providers: Record<OutgoingTouch['channel'], TouchProvider>): TouchProvider {
  return { send: (touch) => providers[touch.channel].send(touch) };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Why a channel can never deliver to `to`, or null if it can: no address, a malformed one, or a mail domain under
 * the reserved `.invalid` TLD (RFC 2606), which no mail server accepts. Checked before the send intent is written.
 */
export function addressRefusal(channel: OutgoingTouch['channel'], to: string | null): string | null {
  if (!to) return `no-address:${channel}`;
  if (channel === 'whatsapp') return E164.test(to) ? null : 'invalid-address:whatsapp';
  if (!EMAIL.test(to)) return 'invalid-address:email';
  return /\.invalid$/i.test(to) ? 'undeliverable-domain:email' : null;
}

/**
 * Records and sends nothing: the `touches` row is the record a user reads through `GET /api/touches`. WhatsApp
 * touches use it until the Cloud API provider is wired; tests use it where no message needs to leave.
 */
export const recordingTouchProvider: TouchProvider = {
  async send(touch) {
    return { providerMessageId: `rec-${touch.idempotencyKey}` };
  },
};

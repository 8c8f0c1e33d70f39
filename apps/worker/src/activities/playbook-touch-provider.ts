import { ApplicationFailure } from '@temporalio/activity';

/** A rendered message handed to a channel provider. `to` is null when the lead has no address on the channel. */
export interface OutgoingTouch {
  idempotencyKey: string;
  /** The lead the touch goes to (the WhatsApp provider looks up their 24-hour window). */
  leadId: string;
  /** The `touches` row's id once the send intent is recorded; echoed back by providers that carry a reference. */
  touchId?: string;
  channel: 'email' | 'whatsapp';
  to: string | null;
  from: { name: string; address: string | null };
  subject: string | null;
  body: string;
  /** WhatsApp only: the approved template sent outside the 24-hour customer-service window. */
  whatsappTemplate?: { name: string; language: string; parameters: string[] };
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
 * Sends touches on a channel. Real SMTP / WhatsApp providers implement the same interface; they must pass
 * `idempotencyKey` on so the provider itself can drop a duplicate if our record of the send was lost.
 * Throw {@link refuseDelivery} for a send that can never succeed; any other error is retried.
 */
export interface TouchProvider {
  send(touch: OutgoingTouch): Promise<{ providerMessageId: string }>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Why a channel can never deliver to `to`, or null if it can: no address, a malformed one, or a mail domain under
 * the reserved `.invalid` TLD (RFC 2606), which no mail server accepts — the recording provider's hard bounce.
 */
export function addressRefusal(channel: OutgoingTouch['channel'], to: string | null): string | null {
  if (!to) return `no-address:${channel}`;
  if (channel === 'whatsapp') return E164.test(to) ? null : 'invalid-address:whatsapp';
  if (!EMAIL.test(to)) return 'invalid-address:email';
  return /\.invalid$/i.test(to) ? 'undeliverable-domain:email' : null;
}

/**
 * The provider of this release: it sends nothing; the `touches` row the activity writes is the record a
 * user reads through `GET /api/touches`. It refuses, for good, what a real provider could never deliver.
 * The message id is derived from the idempotency key.
 */
export const recordingTouchProvider: TouchProvider = {
  async send(touch) {
    const refusal = addressRefusal(touch.channel, touch.to);
    if (refusal) throw refuseDelivery(refusal);
    return { providerMessageId: `rec-${touch.idempotencyKey}` };
  },
};

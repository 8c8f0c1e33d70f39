/** A rendered message handed to a channel provider. */
export interface OutgoingTouch {
  idempotencyKey: string;
  channel: 'email' | 'whatsapp';
  to: string;
  from: { name: string; address: string | null };
  subject: string | null;
  body: string;
}

/** A provider refused a message for good (bad address, rejected content): the run follows its failure policy. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/**
 * Sends touches on a channel. Real SMTP / WhatsApp providers implement the same interface; they must pass
 * `idempotencyKey` on so the provider itself can drop a duplicate if our record of the send was lost.
 * Throw {@link PermanentDeliveryError} for a permanent refusal; any other error is retried.
 */
export interface TouchProvider {
  send(touch: OutgoingTouch): Promise<{ providerMessageId: string }>;
}

/**
 * The provider of this release: it sends nothing; the `touches` row the activity writes is the record a
 * user reads through `GET /api/touches`. The message id is derived from the idempotency key.
 */
export const recordingTouchProvider: TouchProvider = {
  async send(touch) {
    return { providerMessageId: `rec-${touch.idempotencyKey}` };
  },
};

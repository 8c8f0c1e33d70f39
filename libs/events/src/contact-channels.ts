/**
 * The channels a lead can be contacted on (and consent is kept per). LinkedIn messages are sent by a rep.
 *
 * @example
 * ```ts
 * CONTACT_CHANNELS.includes('whatsapp'); // true
 * ```
 */
export const CONTACT_CHANNELS = ['email', 'whatsapp', 'linkedin'] as const;

/** One of {@link CONTACT_CHANNELS}. */
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * Whether `value` names a contact channel.
 *
 * @example
 * ```ts
 * isContactChannel('sms'); // false
 * ```
 */
export function isContactChannel(value: unknown): value is ContactChannel {
  return (CONTACT_CHANNELS as readonly unknown[]).includes(value);
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Hub-Signature-256` of a webhook body as Meta computes it: `sha256=` + hex HMAC-SHA256 of the raw bytes, keyed
 * with the app secret.
 *
 * @example
 * whatsappSignatureOf(Buffer.from('{}'), 'app-secret'); // 'sha256=…'
 */
export function whatsappSignatureOf(rawBody: Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Whether `header` is the body's signature; compared in constant time, so a forger learns nothing from timing. */
export function isValidWhatsAppSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(whatsappSignatureOf(rawBody, appSecret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether a presented secret (verify token, bearer token) is the configured one; false when none is configured. */
export function isSameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

// No look-alike characters (0/O, 1/l/I): the password is read off the screen and typed or pasted elsewhere.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A random password for a new user or a reset, shown once to the admin who hands it over; 16 characters from a
 * 56-letter alphabet (about 93 bits).
 */
export function oneTimePassword(
  length = 16,
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(length * 2));
  let out = '';
  // Rejection sampling: bytes at or above the largest multiple of the alphabet's size would bias the first letters.
  const limit = 256 - (256 % ALPHABET.length);
  for (const byte of bytes) {
    if (out.length === length) break;
    if (byte < limit) out += ALPHABET[byte % ALPHABET.length];
  }
  return out.length === length ? out : oneTimePassword(length, random);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The UTF-8 bytes of a string (no TextEncoder: libs compile without DOM or Node types). */
function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const part of encodeURIComponent(text).split(/(%[0-9A-F]{2})/)) {
    if (part.startsWith('%')) bytes.push(parseInt(part.slice(1), 16));
    else for (const c of part) bytes.push(c.charCodeAt(0));
  }
  return bytes;
}

/**
 * base64url (RFC 4648 §5, no padding) of a string's UTF-8 bytes.
 *
 * @example
 * encodeBase64Url('hé'); // 'aMOp'
 */
export function encodeBase64Url(text: string): string {
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (b !== undefined) out += ALPHABET[(n >> 6) & 63]!;
    if (c !== undefined) out += ALPHABET[n & 63]!;
  }
  return out;
}

/**
 * The string whose UTF-8 bytes `text` encodes, or null when it is not base64url or not UTF-8.
 *
 * @example
 * decodeBase64Url('aMOp'); // 'hé'
 */
export function decodeBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    const n = [...chunk].reduce((acc, c) => (acc << 6) | ALPHABET.indexOf(c), 0) << (6 * (4 - chunk.length));
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
  }
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return null;
  }
}

/**
 * The bits of a base64url string as lower-case hex (each character's 6 bits, packed), for MACs that must survive
 * case folding, such as in a mail address's local part.
 *
 * @example
 * base64UrlToHex('AP__'); // '00ffff'
 */
export function base64UrlToHex(text: string): string {
  let bits = '';
  for (const c of text) bits += ALPHABET.indexOf(c).toString(2).padStart(6, '0');
  return (bits.match(/.{4}/g) ?? []).map((nibble) => parseInt(nibble, 2).toString(16)).join('');
}

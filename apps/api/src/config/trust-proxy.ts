import { isIP } from 'node:net';
import { z } from 'zod';

/** What Fastify's `trustProxy` takes from us: nothing, a hop count, or the proxies' addresses and CIDR ranges. */
export type TrustProxy = false | number | string[];

// proxy-addr's names for well-known ranges, accepted as list entries like an address.
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * API_TRUST_PROXY: `false` (X-Forwarded-For ignored), a hop count (`1`: the client is the address the nearest proxy
 * saw), or a comma-separated list of proxy addresses / CIDR ranges whose X-Forwarded-For is believed. `true` is
 * refused: it would believe any client's forged X-Forwarded-For, defeating the per-IP sign-in limit.
 */
export const trustProxySchema = z
  .string()
  .default('false')
  .transform((value, ctx): TrustProxy => {
    const text = value.trim();
    if (text === 'false' || text === '0') return false;
    if (text === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'true would trust a forged X-Forwarded-For from any client; give the number of proxies in front of the API (e.g. 1) or their addresses / CIDR ranges (e.g. 10.0.0.0/8,127.0.0.1)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(text)) return Number(text);
    const entries = text.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isAddressOrRange(e));
    if (bad.length === 0) return entries;
    ctx.addIssue({
      code: 'custom',
      message: `not an IP address or CIDR range: ${bad.map((e) => JSON.stringify(e)).join(', ')} (expected false, a hop count like 1, or e.g. 10.0.0.0/8,127.0.0.1)`,
    });
    return z.NEVER;
  });

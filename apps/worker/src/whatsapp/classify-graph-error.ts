import { GraphApiError } from './graph-api-client';

/**
 * Meta error codes that will never succeed on retry: bad parameters (100, 131008, 131009), undeliverable or
 * unregistered recipient (131026, 133010), the recipient is the sender (131021), outside the 24-hour window (131047),
 * unsupported message type (131051), the user stopped marketing messages (131050), and template problems (132xxx).
 */
const PERMANENT_CODES = new Set([100, 131008, 131009, 131021, 131026, 131047, 131050, 131051, 133010]);

/**
 * Whether a failed send is refused for good (the node's failure policy applies) rather than retried. Throttling
 * (4, 80007, 130429, 131048, 131056), Meta's own outages (1, 2, 131000, 131016, 133004), HTTP 429 / 5xx, timeouts
 * and network errors are transient. So are auth and permission errors (0, 3, 10, 190, 200–299): fixing the token
 * lets the retries through instead of failing every touch meanwhile.
 *
 * @example
 * isPermanentGraphError(new GraphApiError(400, 131026, 'Message undeliverable')); // true
 * isPermanentGraphError(new GraphApiError(429, 130429, 'Rate limit hit')); // false
 */
export function isPermanentGraphError(error: unknown): error is GraphApiError {
  if (!(error instanceof GraphApiError)) return false;
  if (error.status === 429 || error.status >= 500) return false;
  const { code } = error;
  if (code === null) return error.status === 400;
  return PERMANENT_CODES.has(code) || (code >= 132000 && code < 133000);
}

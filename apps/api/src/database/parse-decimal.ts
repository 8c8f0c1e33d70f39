import { slicersOf } from './buffer-slicers';

// 10^0 … 10^22: every one is a double exactly (5^22 < 2^53), which the fast path below relies on.
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_EXACT_DIGITS = 15;

/**
 * The number a plain ASCII decimal (`-12.5`, `1795707798331`, `0.000271`) in `bytes[start, end)` denotes: exactly
 * what `Number()` of its text gives. With ≤ 15 significant digits and ≤ 22 decimals the digits form an integer below
 * 2^53 and the power of ten is exact, so one division rounds the exact quotient correctly, as `Number()` does;
 * anything else (longer mantissas, exponents) goes through `Number()` itself. Saves making a string per number.
 *
 * @example
 * ```ts
 * parseDecimal(Buffer.from('0.25'), 0, 4); // 0.25
 * ```
 */
export function parseDecimal(bytes: Buffer, start: number, end: number): number {
  let at = start;
  const negative = bytes[at] === 45; // '-'
  if (negative) at++;
  let mantissa = 0;
  let significant = 0;
  let decimals = -1; // digits after the point, -1 before it
  for (; at < end; at++) {
    const digit = bytes[at]! - 48;
    if (digit === -2 && decimals < 0) {
      decimals = 0; // '.'
      continue;
    }
    if (digit < 0 || digit > 9 || (mantissa > 0 || digit > 0 ? ++significant : 0) > MAX_EXACT_DIGITS)
      return slow(bytes, start, end);
    mantissa = mantissa * 10 + digit;
    if (decimals >= 0) decimals++;
  }
  if (at === start + (negative ? 1 : 0) || decimals > 22) return slow(bytes, start, end);
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -value : value;
}

const slow = (bytes: Buffer, start: number, end: number) => Number(slicersOf(bytes).latin1Slice(start, end));

import type { z } from 'zod';

/** Where a value holds text PostgreSQL would refuse, and why (`path` as zod paths are: keys and indices). */
export interface UnstorableText {
  path: (string | number)[];
  reason: string;
}

// A surrogate half without its partner: not Unicode. jsonb refuses its escape; UTF-8 encoding would silently replace it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL (text or jsonb) cannot store `text` as sent, or null when it can: a NUL character, or a lone
 * UTF-16 surrogate.
 *
 * @example
 * ```ts
 * unstorableTextReason('ok'); // null
 * unstorableTextReason('a\u0000b'); // 'contains a NUL character (\\u0000), which cannot be stored'
 * ```
 */
export function unstorableTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode), which cannot be stored';
  return null;
}

/**
 * Every string, and every object key, inside a JSON value that PostgreSQL would refuse (see
 * {@link unstorableTextReason}), with its path.
 *
 * @example
 * ```ts
 * findUnstorableText({ properties: { tags: ['ok', '\uD800'] } });
 * // [{ path: ['properties', 'tags', 1], reason: 'contains a lone UTF-16 surrogate …' }]
 * ```
 */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): UnstorableText[] {
  if (typeof value === 'string') {
    const reason = unstorableTextReason(value);
    return reason ? [{ path, reason }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => findUnstorableText(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const keyReason = unstorableTextReason(key);
    const own = keyReason ? [{ path: [...path, key], reason: `its key ${keyReason}` }] : [];
    return [...own, ...findUnstorableText(item, [...path, key])];
  });
}

/**
 * A zod `superRefine` callback reporting {@link findUnstorableText} as issues, so a schema refuses what PostgreSQL
 * would refuse, naming the field.
 *
 * @example
 * ```ts
 * z.record(z.string(), z.unknown()).superRefine(refuseUnstorableText).safeParse({ a: 'x\u0000' }).success; // false
 * ```
 */
export function refuseUnstorableText(value: unknown, ctx: z.RefinementCtx): void {
  for (const { path, reason } of findUnstorableText(value)) ctx.addIssue({ code: 'custom', message: reason, path });
}

/**
 * Bytes of `value` serialised as JSON in UTF-8: what it costs in a jsonb column, an outbox row and a Temporal payload.
 *
 * @example
 * ```ts
 * jsonByteLength({ city: 'Pune' }); // 15
 * ```
 */
export function jsonByteLength(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const isPair = unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : isPair ? 4 : 3;
    if (isPair) i++;
  }
  return bytes;
}

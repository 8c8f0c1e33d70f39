import { z } from 'zod';

/**
 * A reply's text in a request body: at most `maxChars` characters, not blank (400s name the field and say which).
 *
 * @example
 * z.object({ text: replyTextSchema(2_000) }).safeParse({ text: ' ' }).success; // false: must not be blank
 */
export function replyTextSchema(maxChars: number) {
  return z
    .string()
    .max(maxChars, `must be at most ${maxChars} characters`)
    .refine((text) => text.trim() !== '', 'must not be blank');
}

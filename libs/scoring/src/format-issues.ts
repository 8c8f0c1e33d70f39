import type { z } from 'zod';

/** One validation problem, ready for an HTTP 400/422 body. */
export interface FieldIssue {
  /** Dotted path such as `consent.email` or `items.3.occurredAt`; `(root)` for the value itself. */
  field: string;
  /** Human-readable reason from the schema. */
  reason: string;
}

/**
 * Flattens a zod error into `{ field, reason }` pairs with dotted paths, one per issue,
 * in the order zod reported them.
 *
 * @example
 * ```ts
 * const r = leadInputSchema.safeParse({ externalId: 'x', consent: { email: 'yes' } });
 * if (!r.success) formatIssues(r.error);
 * // [{ field: 'consent.email', reason: 'Invalid input: expected boolean, received string' }, …]
 * ```
 */
export function formatIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    reason: issue.message,
  }));
}

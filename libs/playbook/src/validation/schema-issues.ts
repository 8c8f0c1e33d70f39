import type { z } from 'zod';
import type { PlaybookIssue } from './playbook-issue';

function idAt(input: unknown, collection: 'nodes' | 'edges', index: unknown): string | undefined {
  if (typeof index !== 'number' || typeof input !== 'object' || input === null) return undefined;
  const item = (input as Record<string, unknown[] | undefined>)[collection]?.[index];
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Turns zod issues of a playbook parse into `schema` issues: a node's or edge's issues carry its id and
 * the path inside it (`config.subject`); other issues carry the path from the root (`settings.reentry`).
 *
 * @example
 * const parsed = playbookSchema.safeParse(body);
 * if (!parsed.success) schemaIssuesOf(body, parsed.error);
 */
export function schemaIssuesOf(input: unknown, error: z.ZodError): PlaybookIssue[] {
  return error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    if ((head === 'nodes' || head === 'edges') && typeof index === 'number') {
      const id = idAt(input, head, index);
      const where = head === 'nodes' ? { nodeId: id ?? `#${index}` } : { edgeId: id ?? `#${index}` };
      return { code: 'schema', ...where, field: rest.join('.') || undefined, message: issue.message };
    }
    return { code: 'schema', field: issue.path.join('.') || undefined, message: issue.message };
  });
}

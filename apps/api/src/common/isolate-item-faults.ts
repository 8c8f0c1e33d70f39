import { Logger } from '@nestjs/common';
import type { FieldIssue } from '@segflow/scoring';

// SQLSTATE classes that say nothing about the rows written: connection (08), transaction rollback such as a deadlock
// (40), our own SQL (42: syntax, undefined column, datatype mismatch), insufficient resources (53), operator
// intervention such as a statement timeout (57), system error (58). Retrying item by item would only blame innocent
// items; the request fails instead, and resending it is safe.
const NOT_ITEM_FAULTS = new Set(['08', '40', '42', '53', '57', '58']);
const logger = new Logger('IsolateItemFaults');

/** Whether PostgreSQL refused a write for something in the rows it was given (a data or constraint error, …). */
export function isItemFault(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !NOT_ITEM_FAULTS.has(code.slice(0, 2));
}

/** The issue of an item PostgreSQL refused although it passed validation. */
export function storeRefusalIssue(error: unknown): FieldIssue {
  const { code, message } = error as { code: string; message: string };
  return {
    field: '(root)',
    reason: `PostgreSQL refused to store it (${code}: ${message}); the other items were stored`,
  };
}

/**
 * Writes `items` with `write` (one transaction, all or nothing). When PostgreSQL refuses the batch for something in
 * its rows ({@link isItemFault}), the batch is split in halves and each retried, down to single items, so only the
 * guilty items fail (`refuse` gives their results) and every other item is stored. Any other error is thrown.
 */
export async function writeIsolatingItemFaults<T, R, F = R>(
  items: readonly T[],
  write: (items: readonly T[]) => Promise<R[]>,
  refuse: (item: T, error: unknown) => F,
): Promise<(R | F)[]> {
  try {
    return await write(items);
  } catch (error) {
    if (!isItemFault(error) || !items.length) throw error;
    if (items.length === 1) {
      logger.warn(`an item passed validation but PostgreSQL refused it: ${(error as Error).message}`);
      return [refuse(items[0]!, error)];
    }
    const half = Math.ceil(items.length / 2);
    const first = await writeIsolatingItemFaults(items.slice(0, half), write, refuse);
    return [...first, ...(await writeIsolatingItemFaults(items.slice(half), write, refuse))];
  }
}

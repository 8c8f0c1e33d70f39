import type { CopyValue } from '@segflow/stores';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';

/** The pg client under a TypeORM transaction's query runner (COPY needs the raw connection). */
export async function connectionOf(manager: EntityManager): Promise<PoolClient> {
  if (!manager.queryRunner) throw new Error('connectionOf needs a transactional EntityManager');
  return (await manager.queryRunner.connect()) as PoolClient;
}

// COPY's text format: backslash escapes for the characters that delimit fields and rows, \N for NULL.
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/g;

/** One COPY text-format line (tab-separated, newline-terminated). */
export function copyTextLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i) line += '\t';
    if (value === null || value === undefined) line += '\\N';
    else {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      line += text.replace(NEEDS_ESCAPE, (c) => ESCAPES[c]!);
    }
  }
  return `${line}\n`;
}

/**
 * Runs `statement`, a store's `COPY table (columns) FROM STDIN`, with the given rows on the transaction's connection
 * (the SQL stays with the table's store, events.store.ts). Cheaper per row for Postgres
 * than INSERT … SELECT FROM jsonb_to_recordset (~1.3× in the ingest bench's terms), which parses a jsonb document
 * and projects it row by row.
 */
export async function copyRows(
  manager: EntityManager,
  statement: string,
  rows: readonly (readonly CopyValue[])[],
): Promise<void> {
  if (!rows.length) return;
  const client = await connectionOf(manager);
  const lines = rows.map(copyTextLine);
  await pipeline(Readable.from([lines.join('')]), client.query(copyFrom(statement)));
}

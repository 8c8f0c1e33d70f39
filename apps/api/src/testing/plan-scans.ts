import type { Queryable } from '@segflow/stores';
import { Client } from 'pg';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { runMigrations } from '../database/data-source';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const scansOf = (node: PlanNode): string[] => [
  ...(node['Relation Name'] ? [`${node['Node Type']} on ${node['Relation Name']}`] : []),
  ...(node.Plans ?? []).flatMap(scansOf),
];

/** How Postgres would run `text` with `params`: each plan node that touches a table, e.g. "Seq Scan on leads". */
export async function planScans(client: Client, text: string, params: unknown[]): Promise<string[]> {
  const [row] = (await client.query(`EXPLAIN (FORMAT JSON) ${text}`, params)).rows;
  return scansOf(row['QUERY PLAN'][0].Plan);
}

/**
 * How Postgres would run the one statement a store function sends: `call` runs against a recorder (answering every
 * query with no rows), then that statement is planned with its parameters.
 */
export async function planScansOfCall(client: Client, call: (db: Queryable) => Promise<unknown>): Promise<string[]> {
  const sent: { sql: string; params: unknown[] }[] = [];
  await call({ query: async (sql, params = []) => (sent.push({ sql, params }), []) });
  if (sent.length !== 1) throw new Error(`expected one statement, the call sent ${sent.length}`);
  return planScans(client, sent[0]!.sql, sent[0]!.params);
}

/** A client on a fresh, migrated database holding `leads` stub leads (external ids lead-1 …), for plan specs. */
export async function connectWithLeads(prefix: string, leads: number): Promise<Client> {
  const url = await createTestDatabase(prefix);
  await runMigrations(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`INSERT INTO leads (external_id) SELECT 'lead-' || g FROM generate_series(1, $1::int) g`, [leads]);
  return client;
}

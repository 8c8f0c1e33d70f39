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

/** A client on a fresh, migrated database holding `leads` stub leads (external ids lead-1 …), for plan specs. */
export async function connectWithLeads(prefix: string, leads: number): Promise<Client> {
  const url = await createTestDatabase(prefix);
  await runMigrations(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`INSERT INTO leads (external_id) SELECT 'lead-' || g FROM generate_series(1, $1::int) g`, [leads]);
  return client;
}

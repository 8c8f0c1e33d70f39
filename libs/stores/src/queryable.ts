/**
 * What SQL helpers need of a connection: a TypeORM EntityManager fits as is, and a worker thread's pg Client through
 * {@link rowsOf}. Helpers typed with it run in the API's transactions and in worker threads alike.
 */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** Adapts a pg Client (which resolves `{ rows }`) to resolve the rows, as EntityManager.query does for SELECTs. */
export function rowsOf(client: { query(sql: string, params?: unknown[]): Promise<{ rows: any[] }> }): Queryable {
  return { query: async (sql, params) => (await client.query(sql, params)).rows };
}

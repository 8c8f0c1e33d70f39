import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../tools/testing/test-database';
import { rowsOf, type Queryable } from './queryable';
import { returnedRows } from './returned-rows';

// The two Queryables the stores run on answer a RETURNING statement differently (TypeORM: [rows, affected] for
// UPDATE/DELETE, rows for INSERT; pg through rowsOf: rows); returnedRows must give the rows for each.
describe('returnedRows (real Postgres)', () => {
  let client: Client;
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await createTestDatabase('returned_rows');
    client = new Client({ connectionString: url });
    await client.connect();
    dataSource = await new DataSource({ type: 'postgres', url }).initialize();
    await client.query(`CREATE TABLE t (id int PRIMARY KEY, v text)`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await client?.end();
  });

  const adapters: Array<[string, () => Queryable]> = [
    ['a TypeORM EntityManager', () => dataSource.manager],
    ['a pg Client through rowsOf', () => rowsOf(client)],
  ];

  it.each(adapters)(
    'gives the rows of an INSERT, UPDATE and DELETE … RETURNING through %s',
    async (_name, queryable) => {
      const q = queryable();
      expect(returnedRows(await q.query(`INSERT INTO t VALUES (1, 'a'), (2, 'b') RETURNING id`))).toEqual([
        { id: 1 },
        { id: 2 },
      ]);
      expect(returnedRows(await q.query(`UPDATE t SET v = 'c' WHERE id = 1 RETURNING id, v`))).toEqual([
        { id: 1, v: 'c' },
      ]);
      expect(returnedRows(await q.query(`UPDATE t SET v = 'd' WHERE id = 99 RETURNING id`))).toEqual([]);
      expect(returnedRows(await q.query(`DELETE FROM t RETURNING id`))).toHaveLength(2);
      expect(returnedRows(await q.query(`DELETE FROM t RETURNING id`))).toEqual([]);
    },
  );
});

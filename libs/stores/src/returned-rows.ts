/**
 * The rows an `INSERT/UPDATE/DELETE … RETURNING` gave back through a {@link Queryable}: TypeORM's EntityManager
 * answers those with `[rows, affected]`, a pg client (through `rowsOf`) with the rows.
 *
 * @example
 * const moved = returnedRows<{ id: string }>(await q.query('UPDATE tasks SET … RETURNING id', params));
 */
export function returnedRows<T>(result: unknown[]): T[] {
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}

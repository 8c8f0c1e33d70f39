const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID: ids from paths and tokens are checked before they reach Postgres' uuid type. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

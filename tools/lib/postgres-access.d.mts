// Types for the specs (tools/ runs as plain ES modules, without a compile step).
export interface Account {
  uid: number;
  gids: number[];
}
export interface PostgresAccount extends Account {
  gid: number;
}
export const READ: number;
export const WRITE: number;
export const SEARCH: number;
export function canAccountReach(
  path: string,
  account: Account,
  bits: number,
  stat?: (path: string) => { mode: number; uid: number; gid: number },
): boolean;
export function postgresAccountOrCreate(): PostgresAccount;
export function reachableBinDir(binDir: string, account: PostgresAccount): string;
export function reachableDataDir(dataDir: string, account: PostgresAccount): string;

// PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user, which must reach its
// binaries and its data directory. In a clone only root can read (under /root, mode 700) it reaches neither: then the
// binaries are copied, and the data kept, under a root-owned directory that user can reach.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { say } from './log.mjs';

export const READ = 4;
export const WRITE = 2;
export const SEARCH = 1;

/** The rwx triple of a file's mode that applies to account ({ uid, gids }): owner's, group's or others'. */
function bitsFor(stats, account) {
  if (stats.uid === account.uid) return (stats.mode >> 6) & 7;
  if (account.gids.includes(stats.gid)) return (stats.mode >> 3) & 7;
  return stats.mode & 7;
}

/**
 * Whether account ({ uid, gids }) can search every directory above path and has `bits` (READ | WRITE | SEARCH) on
 * path itself. A path that does not exist is unreachable. `stat` is injectable for tests.
 *
 * @example canAccountReach('/root/segflow/node_modules', { uid: 101, gids: [104] }, READ | SEARCH) // false: /root is 700
 */
export function canAccountReach(path, account, bits, stat = statSync) {
  if (account.uid === 0) return true;
  const absolute = resolve(path);
  const ancestors = [];
  for (let dir = dirname(absolute); ; dir = dirname(dir)) {
    ancestors.unshift(dir);
    if (dir === dirname(dir)) break;
  }
  try {
    if (ancestors.some((dir) => !(bitsFor(stat(dir), account) & SEARCH))) return false;
    return (bitsFor(stat(absolute), account) & bits) === bits;
  } catch {
    return false;
  }
}

const id = (...args) => execFileSync('id', args, { encoding: 'utf8' }).trim();

/** The `postgres` system user ({ uid, gid, gids }), created first when it does not exist. */
export function postgresAccountOrCreate() {
  try {
    id('-u', 'postgres');
  } catch {
    say('creating the postgres system user for PostgreSQL (it refuses to run as root)');
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {
      // The group may exist without the user.
    }
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], { stdio: 'inherit' });
  }
  const gids = id('-G', 'postgres').split(/\s+/).map(Number);
  return { uid: Number(id('-u', 'postgres')), gid: Number(id('-g', 'postgres')), gids };
}

/** Where root keeps what the postgres user must reach: SEGFLOW_CACHE_DIR if set, else /var/cache/segflow. */
function sharedHome() {
  return mkdirSearchable(join(process.env.SEGFLOW_CACHE_DIR ?? '/var/cache/segflow', 'postgres'));
}

/** mkdir -p, with mode 755 on every directory it creates whatever the umask. */
function mkdirSearchable(dir) {
  const first = mkdirSync(dir, { recursive: true });
  if (first) for (let d = dir; d.startsWith(first); d = dirname(d)) chmodSync(d, 0o755);
  return dir;
}

function assertReachable(path, account, bits, what) {
  if (canAccountReach(path, account, bits)) return;
  throw new Error(
    `the postgres user (PostgreSQL refuses to run as root) cannot reach ${what} in ${path}; ` +
      'set SEGFLOW_CACHE_DIR to a directory it can reach (every directory above it searchable by others, e.g. /var/cache/segflow), ' +
      'or run as a non-root user, or point DATABASE_URL (npm start) or SEGFLOW_TEST_DATABASE_URL (npm test) at an existing PostgreSQL',
  );
}

/**
 * The bin directory of binDir's PostgreSQL that account can run: binDir itself, else a copy (whole `native` tree, so
 * lib/ and share/ come along) kept per package version under the shared home. The copy is renamed into place whole.
 */
export function reachableBinDir(binDir, account) {
  if (canAccountReach(join(binDir, 'postgres'), account, READ | SEARCH)) return binDir;
  const nativeDir = dirname(binDir);
  const { name, version } = JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8'));
  const home = sharedHome();
  assertReachable(home, account, SEARCH, 'a copy of the PostgreSQL binaries');
  const target = join(home, `${basename(name)}-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    say(`copying the PostgreSQL binaries to ${target} (the postgres user cannot reach ${nativeDir})`);
    const partial = mkdtempSync(`${target}.partial-`);
    try {
      cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      execFileSync('chmod', ['-R', 'a+rX', partial]);
      renameSync(partial, target);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  assertReachable(join(target, 'bin', 'postgres'), account, READ | SEARCH, 'the PostgreSQL binaries');
  return join(target, 'bin');
}

/**
 * A data directory owned by account: dataDir itself when account can reach the directory above it, else one under
 * the shared home named after dataDir's absolute path (so `npm start` finds the same one every time).
 */
export function reachableDataDir(dataDir, account) {
  let dir = dataDir;
  if (!canAccountReach(dirname(dir), account, SEARCH)) {
    dir = join(
      mkdirSearchable(join(sharedHome(), 'data')),
      `${basename(dataDir)}-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12)}`,
    );
    say(`PostgreSQL data in ${dir} (the postgres user cannot reach ${dataDir})`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (statSync(dir).uid !== account.uid) chownSync(dir, account.uid, account.gid);
  chmodSync(dir, 0o700);
  assertReachable(dir, account, READ | WRITE | SEARCH, 'its data directory');
  return dir;
}

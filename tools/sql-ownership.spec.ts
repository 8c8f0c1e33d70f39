import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// DESIGN invariant 12: each table has one owner module that alone holds its SQL. Stores live in libs/stores (one
// `<table or read model>.store.ts` each, typed over Queryable so the API and the worker share them); migrations keep
// their own frozen SQL (the vocabulary's SQL functions, regenerated on every migration run, live in
// event-vocabulary.store.ts). Test code (specs, src/testing) may query freely.
const root = join(__dirname, '..');
// SQL wherever it sits in code: a clause only SQL writes, or a call of a PostgreSQL function (pg_advisory_lock(…),
// pg_notify(…)).
const sqlClause =
  /\b(SELECT\s[\s\S]*?\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|ALTER\s+TABLE|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)|TRUNCATE|LISTEN\s+[\w"$]|COPY\s+(\w+|"[^"]*"|\$\{[^}]*\})\s*\()|\bpg_\w+\s*\(/;
// A string or template that opens with a statement's keyword followed by more (`'SELECT 1'`, `LISTEN ${channel}`,
// `'COMMIT'` alone): HTTP verbs and tag names (`method: 'DELETE'`, 'SELECT') are whole strings, so they pass.
const sqlOpening =
  /['"`]\s*((SELECT|INSERT|UPDATE|DELETE|WITH|COPY|LISTEN|UNLISTEN|NOTIFY|BEGIN|START\s+TRANSACTION|SAVEPOINT|RELEASE|SET|RESET|SHOW|LOCK|VACUUM|ANALYZE|EXPLAIN|CREATE|ALTER|DROP|TRUNCATE|REINDEX|REFRESH)\s+[^\s'"`]|(BEGIN|COMMIT|ROLLBACK)\s*;?\s*['"`])/;
const isSql = (code: string) => sqlClause.test(code) || sqlOpening.test(code);
// TypeORM repositories write tables too; stores are the only writers, so they go.
const ormAccess = /\b(getRepository|InjectRepository|createQueryBuilder)\b|Repository</;
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

function productionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (['node_modules', 'dist', 'testing', 'migrations'].includes(name)) return [];
    if (statSync(full).isDirectory()) return productionFiles(full);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [full] : [];
  });
}

function isStore(file: string): boolean {
  return /^libs\/stores\/src\/.+\.store\.ts$/.test(file);
}

describe('isSql', () => {
  it('catches statements that name no table, at any place in a string or template', () => {
    const sql = [
      `await lock.query('SELECT pg_advisory_lock($1)', [KEY]);`,
      `manager.query("SELECT pg_advisory_xact_lock_shared($1)", [KEY]);`,
      `await probe.query('SELECT 1');`,
      'client.query(`LISTEN ${client.escapeIdentifier(channel)}`)',
      'copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`)',
      `await client.query('BEGIN');`,
      `await client.query('COMMIT');`,
      `await client.query("ROLLBACK");`,
      `transaction(client, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work)`,
      `await client.query('SET statement_timeout = 0');`,
      'const q = `\n  WITH moved AS (UPDATE x SET y = 1 RETURNING id) SELECT count(*) FROM moved`;',
    ];
    expect(sql.filter((code) => !isSql(code))).toEqual([]);
  });

  it('lets HTTP verbs, tag names and prose through', () => {
    const code = [
      `requestJson(url, { method: 'DELETE' });`,
      `['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)`,
      `const label = 'Select a segment';`,
      `throw new Error('listening connection closed');`,
    ];
    expect(code.filter(isSql)).toEqual([]);
  });
});

describe('SQL ownership', () => {
  const files = ['apps', 'libs'].flatMap((top) =>
    readdirSync(join(root, top)).flatMap((project) => {
      const src = join(root, top, project, 'src');
      return statSync(src, { throwIfNoEntry: false })?.isDirectory() ? productionFiles(src) : [];
    }),
  );
  const withSql = files
    .map((file) => relative(root, file))
    .filter((file) => {
      const code = withoutComments(readFileSync(join(root, file), 'utf8'));
      return isSql(code) || ormAccess.test(code);
    });

  it('no SQL or TypeORM repository outside libs/stores/**/*.store.ts and migrations', () => {
    expect(withSql.filter((file) => !isStore(file))).toEqual([]);
  });
});

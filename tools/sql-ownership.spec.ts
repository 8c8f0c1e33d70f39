import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// DESIGN invariant 12: each table has one owner module that alone holds its SQL. Stores live in libs/stores (one
// `<table or read model>.store.ts` each, typed over Queryable so the API and the worker share them); migrations keep
// their own frozen SQL (the vocabulary's SQL functions, regenerated on every migration run, live in
// event-vocabulary.store.ts). Test code (specs, src/testing) may query freely.
const root = join(__dirname, '..');
const sqlStatement =
  /\b(SELECT\s[\s\S]*?\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|ALTER\s+TABLE|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)|TRUNCATE|pg_notify|LISTEN\s+\w|COPY\s+\w+\s*\()\b/;
// A table named to a COPY helper (`copyRows(manager, 'events', …)`) is SQL by another name: the store passes it.
const copiedTable = /\bcopyRows\s*\([^;]*?['"`]\w+['"`]\s*,/;
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

describe('copiedTable', () => {
  it('catches a table named to a COPY helper, not a table passed through', () => {
    expect(copiedTable.test(`await copyRows(manager, 'events', EVENT_COLUMNS, rows);`)).toBe(true);
    expect(copiedTable.test(`await copyRows(\n  manager,\n  "touches",\n  columns,\n  rows,\n);`)).toBe(true);
    expect(copiedTable.test(`const copy = (table, columns, rows) => copyRows(manager, table, columns, rows);`)).toBe(
      false,
    );
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
      return sqlStatement.test(code) || ormAccess.test(code) || copiedTable.test(code);
    });

  it('no SQL or TypeORM repository outside libs/stores/**/*.store.ts and migrations', () => {
    expect(withSql.filter((file) => !isStore(file))).toEqual([]);
  });
});

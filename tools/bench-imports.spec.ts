import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Benchmarks run only under `npm run bench`, so a name they take from a built module or a tools/ helper can vanish
// in a refactor unnoticed until the next measurement: check every such name against what the module exports now.
const root = join(__dirname, '..');
const benchDir = join(root, 'bench');
const benchFiles = readdirSync(benchDir).filter((name) => name.endsWith('.mjs'));

const namesOf = (destructured: string) =>
  destructured
    .split(',')
    .map((part) => part.trim().split(':')[0]!.trim())
    .filter(Boolean);

/** `const { a } = require(join(root, 'libs/x/dist/index.js'))` or `require('@segflow/x')`: names from our modules. */
function builtModuleImports(source: string): { path: string; names: string[] }[] {
  const pattern = /const \{([^}]+)\} = require\(\s*(?:join\(root, '([^']+)'\)|'(@segflow\/[^']+)')\s*\)/g;
  return [...source.matchAll(pattern)].map((m) => ({
    path: m[2] ? join(root, m[2]) : m[3]!,
    names: namesOf(m[1]!),
  }));
}

/** `import { a, b } from './x.mjs'`: names taken from sibling and tools/ modules. */
function relativeImports(source: string): { path: string; names: string[] }[] {
  const pattern = /import \{([^}]+)\} from '(\.{1,2}\/[^']+\.mjs)'/g;
  return [...source.matchAll(pattern)].map((m) => ({ path: m[2]!, names: namesOf(m[1]!) }));
}

const exportsName = (source: string, name: string) =>
  new RegExp(`export\\s+(async\\s+)?(function\\*?|const|let|class)\\s+${name}\\b`).test(source) ||
  new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(source);

describe.each(benchFiles)('bench/%s', (file) => {
  const source = readFileSync(join(benchDir, file), 'utf8');

  it('takes only names that its built modules export', () => {
    const missing = builtModuleImports(source).flatMap(({ path, names }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built module, as the bench loads it
      const loaded = require(path) as Record<string, unknown>;
      return names.filter((name) => loaded[name] === undefined).map((name) => `${name} from ${path}`);
    });
    expect(missing).toEqual([]);
  });

  it('takes only names that its sibling and tools/ modules export', () => {
    const missing = relativeImports(source).flatMap(({ path, names }) => {
      const target = readFileSync(join(dirname(join(benchDir, file)), path), 'utf8');
      return names.filter((name) => !exportsName(target, name)).map((name) => `${name} from ${path}`);
    });
    expect(missing).toEqual([]);
  });
});

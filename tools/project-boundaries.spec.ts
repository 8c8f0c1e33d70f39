import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The Nx tags (type:domain / type:contract / type:app) are enforced here rather than by an eslint plugin:
// domain libs stay pure (no I/O packages, no Node builtins) and no app imports another app.
const root = join(__dirname, '..');
const bannedInLibs = [/^react/, /^@xyflow\//, /^@nestjs\//, /^typeorm/, /^pg$/, /^@temporalio\/(client|worker|activity|testing)/, /^node:/, /^(fs|path|child_process|net|http|https|os|crypto|worker_threads)$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('project boundaries', () => {
  const libs = readdirSync(join(root, 'libs'));

  it.each(libs)('lib %s imports no I/O package, Node builtin or app', (lib) => {
    const offending = sourceFiles(join(root, 'libs', lib, 'src')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => bannedInLibs.some((re) => re.test(spec)) || spec.includes('apps/'))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('no app imports another app', () => {
    const apps = readdirSync(join(root, 'apps'));
    const offending = apps.flatMap((app) =>
      sourceFiles(join(root, 'apps', app, 'src')).flatMap((file) =>
        importsOf(file)
          .filter((spec) => apps.some((other) => other !== app && (spec.includes(`apps/${other}/`) || spec === `@segflow/${other}` || spec.startsWith(`@segflow/${other}/`))))
          .map((spec) => `${relative(root, file)} imports ${spec}`),
      ),
    );
    expect(offending).toEqual([]);
  });
});

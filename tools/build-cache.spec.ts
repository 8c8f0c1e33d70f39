import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` and `npm test` build through Nx (tools/lib/build.mjs) and skip what is unchanged. This spec runs the
// repo's own nx.json (named inputs, build target defaults, local cache) on a one-lib workspace in a temp folder, whose
// build records each real run: a second build with no change, or with only a spec changed, runs nothing and still
// leaves the outputs in place; a source change builds again.
const root = join(__dirname, '..');

describe('cached builds (nx.json)', () => {
  let workspace: string;
  const runsLog = () => join(workspace, 'runs.log');
  const builds = () => readFileSync(runsLog(), 'utf8').split('\n').filter(Boolean).length;
  const build = () =>
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '--outputStyle=static'],
      {
        cwd: workspace,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
        encoding: 'utf8',
      },
    );

  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'segflow-nx-'));
    cpSync(join(root, 'nx.json'), join(workspace, 'nx.json'));
    symlinkSync(join(root, 'node_modules'), join(workspace, 'node_modules'), 'dir');
    writeFileSync(join(workspace, 'package.json'), JSON.stringify({ name: 'cache-probe', private: true }));
    writeFileSync(join(workspace, '.gitignore'), 'node_modules/\ndist/\n.nx/\nruns.log\n');
    const lib = join(workspace, 'libs', 'demo');
    mkdirSync(join(lib, 'src'), { recursive: true });
    writeFileSync(join(lib, 'src', 'index.ts'), 'export const answer = 41;\n');
    writeFileSync(join(lib, 'src', 'index.spec.ts'), '// a spec: never part of the build\n');
    const script = `const fs = require('fs'); fs.appendFileSync('runs.log', 'built\\\\n'); fs.mkdirSync('libs/demo/dist', { recursive: true }); fs.copyFileSync('libs/demo/src/index.ts', 'libs/demo/dist/index.ts');`;
    writeFileSync(
      join(lib, 'project.json'),
      JSON.stringify({ name: 'demo', targets: { build: { command: `node -e "${script}"` } } }),
    );
    writeFileSync(runsLog(), '');
  });

  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('builds once, restores an unchanged build from the cache, and rebuilds after a source change', () => {
    build();
    expect(builds()).toBe(1);

    writeFileSync(join(workspace, 'libs/demo/src/index.spec.ts'), '// a spec, edited: still never part of the build\n');
    rmSync(join(workspace, 'libs/demo/dist'), { recursive: true });
    expect(build()).toMatch(/cache/i);
    expect(builds()).toBe(1);
    expect(readFileSync(join(workspace, 'libs/demo/dist/index.ts'), 'utf8')).toBe('export const answer = 41;\n');

    writeFileSync(join(workspace, 'libs/demo/src/index.ts'), 'export const answer = 42;\n');
    build();
    expect(builds()).toBe(2);
    expect(readFileSync(join(workspace, 'libs/demo/dist/index.ts'), 'utf8')).toBe('export const answer = 42;\n');
  });
});

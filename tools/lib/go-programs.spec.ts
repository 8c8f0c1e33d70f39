import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureGoPrograms } from './go-programs.mjs';

// The acquisition order of Go-built programs (the Temporal CLI, server and sql tool) without a real Go build: a
// stand-in `go` script on PATH plays `go version` and `go install` (writing each package's binary into GOBIN).
const tool = {
  label: 'the test tool',
  version: 'v9.9.9',
  cacheName: 'test-tool',
  installHint: 'download it from https://example.test',
  programs: [
    { name: 'segflow-test-server', pkg: 'example.test/tool/cmd/server', envVar: 'SEGFLOW_TEST_SERVER' },
    { name: 'segflow-test-sql', pkg: 'example.test/tool/cmd/tools/sql', envVar: 'SEGFLOW_TEST_SQL' },
  ],
};

const executable = (path: string, text: string) => {
  writeFileSync(path, `#!/bin/sh\n${text}\n`);
  chmodSync(path, 0o755);
};

describe('ensureGoPrograms', () => {
  let dir: string;
  let bin: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'go-programs-'));
    bin = join(dir, 'bin');
    mkdirSync(bin);
    env = { PATH: `${bin}:/usr/bin:/bin`, SEGFLOW_CACHE_DIR: join(dir, 'cache'), HOME: dir };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fakeGo = (install: string) => executable(join(bin, 'go'), `[ "$1" = version ] && exit 0\n${install}`);
  const writesEachPackage = 'shift; for pkg in "$@"; do name=${pkg%@*}; echo "built $*" > "$GOBIN/${name##*/}"; done';
  const cached = (name: string) => join(dir, 'cache', 'test-tool-v9.9.9', name);

  it('takes an override variable first, and names it when its file is missing', async () => {
    executable(join(dir, 'mine'), 'true');
    executable(join(bin, 'segflow-test-sql'), 'true');
    await expect(ensureGoPrograms(tool, { ...env, SEGFLOW_TEST_SERVER: join(dir, 'mine') })).resolves.toEqual({
      'segflow-test-server': join(dir, 'mine'),
      'segflow-test-sql': join(bin, 'segflow-test-sql'),
    });
    await expect(ensureGoPrograms(tool, { ...env, SEGFLOW_TEST_SERVER: join(dir, 'nope') })).rejects.toThrow(
      `SEGFLOW_TEST_SERVER=${join(dir, 'nope')} does not exist`,
    );
  });

  it('finds programs on PATH, then in the cache, without building', async () => {
    executable(join(bin, 'segflow-test-server'), 'true');
    mkdirSync(join(dir, 'cache', 'test-tool-v9.9.9'), { recursive: true });
    executable(cached('segflow-test-sql'), 'true');
    fakeGo('exit 3');
    await expect(ensureGoPrograms(tool, env)).resolves.toEqual({
      'segflow-test-server': join(bin, 'segflow-test-server'),
      'segflow-test-sql': cached('segflow-test-sql'),
    });
  });

  it('builds only the missing programs with one go install at the version, into the cache', async () => {
    executable(join(bin, 'segflow-test-server'), 'true');
    fakeGo(writesEachPackage);
    await expect(ensureGoPrograms(tool, env)).resolves.toEqual({
      'segflow-test-server': join(bin, 'segflow-test-server'),
      'segflow-test-sql': cached('segflow-test-sql'),
    });
    expect(readFileSync(cached('segflow-test-sql'), 'utf8')).toBe('built example.test/tool/cmd/tools/sql@v9.9.9\n');
    expect(existsSync(cached('segflow-test-server'))).toBe(false);
    expect(readdirSync(join(dir, 'cache')).filter((f) => f.startsWith('build-'))).toEqual([]);
  });

  it('caches nothing when go install fails, and reports its last line', async () => {
    fakeGo('echo "go: example.test/tool@v9.9.9: unknown revision" >&2; exit 1');
    await expect(ensureGoPrograms(tool, env)).rejects.toThrow(
      'go install failed (exit 1): go: example.test/tool@v9.9.9: unknown revision',
    );
    expect(readdirSync(join(dir, 'cache'))).toEqual([]);
  });

  it('without Go, says how to install each missing program instead', async () => {
    await expect(ensureGoPrograms(tool, env)).rejects.toThrow(
      'The test tool is not installed and Go is not available to build it: install Go and re-run, or download it from https://example.test, ' +
        'putting segflow-test-server (or set SEGFLOW_TEST_SERVER to its path), segflow-test-sql (or set SEGFLOW_TEST_SQL to its path) on PATH',
    );
  });
});

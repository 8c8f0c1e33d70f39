import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The project boundaries live in eslint.config.mjs (@nx/enforce-module-boundaries over the project.json tags, and
// no-restricted-imports keeping libs free of I/O). npm test lints the repo; this spec shows the rules bite, by
// linting probe sources placed (in name only) inside the projects, with the project graph npm test's lint uses.
const root = join(__dirname, '..');

interface Probe {
  file: string;
  code: string;
}

function rulesBroken(probes: Probe[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    import { prepareBoundaries } from './tools/lib/lint.mjs';
    await prepareBoundaries(process.cwd());
    const eslint = new ESLint({ cwd: process.cwd() });
    const probes = JSON.parse(process.argv[1]);
    const out = [];
    for (const { file, code } of probes) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.map((m) => m.ruleId ?? m.message));
    }
    process.stdout.write(JSON.stringify(out));`;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(probes)], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(stdout);
}

describe('project boundaries (eslint.config.mjs)', () => {
  it('rejects I/O in libs, libs reaching up the layers, apps reaching into each other, and the web app using a store', () => {
    const probes: Probe[] = [
      {
        file: 'libs/sla/src/probe.ts',
        code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      },
      { file: 'libs/stores/src/probe.ts', code: "import { Pool } from 'pg';\nexport const pool = Pool;\n" },
      {
        file: 'libs/playbook/src/probe.ts',
        code: "import { proxyActivities } from '@temporalio/workflow';\nexport const p = proxyActivities;\n",
      },
      {
        file: 'libs/workflow-contracts/src/probe.ts',
        code: "import { Client } from '@temporalio/client';\nexport const c = Client;\n",
      },
      {
        file: 'libs/sla/src/probe.ts',
        code: "import { rowsOf } from '@segflow/stores';\nexport const rows = rowsOf;\n",
      },
      {
        file: 'apps/worker/src/probe.ts',
        code: "import { AppModule } from '../../api/src/app.module';\nexport const app = AppModule;\n",
      },
      {
        file: 'apps/web/src/probe.ts',
        code: "import { rowsOf } from '@segflow/stores';\nexport const rows = rowsOf;\n",
      },
      {
        file: 'libs/stores/src/probe.ts',
        code: "import { PLAYBOOK_RUN_WORKFLOW } from '@segflow/workflow-contracts';\nexport const name = PLAYBOOK_RUN_WORKFLOW;\n",
      },
      // Node's `events` stays banned in libs; the vocabulary lib of the same last name does not.
      {
        file: 'libs/scoring/src/probe.ts',
        code: "import { EventEmitter } from 'events';\nexport const e = EventEmitter;\n",
      },
      {
        file: 'libs/scoring/src/probe.ts',
        code: "import { EVENT_TYPES } from '@segflow/events';\nexport const types = EVENT_TYPES;\n",
      },
    ];
    expect(rulesBroken(probes)).toEqual([
      ['no-restricted-imports'],
      ['@nx/enforce-module-boundaries'],
      ['@nx/enforce-module-boundaries'],
      ['@nx/enforce-module-boundaries'],
      ['@nx/enforce-module-boundaries'],
      ['@nx/enforce-module-boundaries'],
      ['@nx/enforce-module-boundaries'],
      [],
      ['no-restricted-imports'],
      [],
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appConfigSchema } from '../apps/api/src/config/app-config';
import { workerConfigSchema } from '../apps/worker/src/config';

// The README's configuration table is the user's reference: every variable a config module reads must be in it.
const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
const documented = new Set(rows);

describe('README configuration table', () => {
  it.each([
    ['api', Object.keys(appConfigSchema.shape)],
    ['worker', Object.keys(workerConfigSchema.shape)],
  ])('documents every variable the %s reads', (_, keys) => {
    expect(keys.filter((key) => !documented.has(key))).toEqual([]);
  });

  // Two rows of one variable drift apart (different defaults, different readers): one row each.
  it('documents each variable in one row', () => {
    expect(rows.filter((name, i) => rows.indexOf(name) !== i)).toEqual([]);
  });

  it('documents the two commands and the benchmark table markers', () => {
    expect(readme).toMatch(/npm start/);
    expect(readme).toMatch(/npm test/);
    expect(readme).toMatch(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/);
  });
});

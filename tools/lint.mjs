// `npm run lint`: ESLint and the Prettier check, as `npm test` runs them (each counts there as one test).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblems, lintProblems } from './lib/lint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [lint, format] = await Promise.all([lintProblems(root), formatProblems(root)]);
if (lint) process.stderr.write(`[segflow] eslint:\n${lint}\n`);
if (format) process.stderr.write(`[segflow] prettier: ${format}\n`);
process.exit(lint || format ? 1 : 0);

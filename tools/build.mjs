import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './lib/build.mjs';
import { ensureDependencies } from './lib/ensure-deps.mjs';
import { fail } from './lib/log.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await ensureDependencies(root)
  .then(() => build(root))
  .catch((error) => fail(error.message));

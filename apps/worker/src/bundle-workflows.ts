import { writeFileSync } from 'node:fs';
import { bundleWorkflows, WORKFLOW_BUNDLE_PATH } from './workflow-bundle';

// Build step: bundling at worker start-up costs seconds, so the worker loads this prebuilt file instead.
bundleWorkflows()
  .then(({ code }) => writeFileSync(WORKFLOW_BUNDLE_PATH, code))
  .catch((error: Error) => {
    process.stderr.write(`workflow bundle failed: ${error.message}\n`);
    process.exit(1);
  });

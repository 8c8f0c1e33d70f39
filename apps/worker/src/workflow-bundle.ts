import { join, resolve } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, WorkflowBundleWithSourceMap } from '@temporalio/worker';

const repoRoot = resolve(__dirname, '..', '..', '..');
const libs = ['events', 'playbook', 'scoring', 'intent', 'sla', 'routing', 'workflow-contracts'];

/** Where the prebundled workflow code lives (written by `node dist/bundle-workflows.js` during the build). */
export const WORKFLOW_BUNDLE_PATH = join(repoRoot, 'apps', 'worker', 'dist', 'workflows.bundle.js');
/** The same workflows with OpenTelemetry's workflow interceptors, which the worker runs when tracing is on. */
export const TRACED_WORKFLOW_BUNDLE_PATH = join(repoRoot, 'apps', 'worker', 'dist', 'workflows.traced.bundle.js');

/**
 * Bundles the workflows from source. The libs are aliased to their TypeScript sources so the bundle never
 * depends on a stale dist/ of a lib. `traced` adds OpenTelemetry's workflow interceptors (a span per workflow run
 * continuing its starter's trace, passed on to its activities); without it the bundle holds no tracing code at all.
 */
export function bundleWorkflows({ traced = false }: { traced?: boolean } = {}): Promise<WorkflowBundleWithSourceMap> {
  const alias = {
    ...Object.fromEntries(libs.map((lib) => [`@segflow/${lib}`, join(repoRoot, 'libs', lib, 'src')])),
    // Templates render in the workflow: liquidjs's browser build is the same engine without its fs/path/stream
    // file loaders, which the workflow sandbox bans (and templates never load files).
    liquidjs$: require.resolve('liquidjs/dist/liquid.browser.mjs'),
  };
  return bundleWorkflowCode({
    workflowsPath: join(repoRoot, 'apps', 'worker', 'src', 'workflows', 'index.ts'),
    workflowInterceptorModules: traced
      ? [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')]
      : [],
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...config.resolve?.alias, ...alias } },
    }),
    preloadModules: [join(repoRoot, 'apps', 'worker', 'src', 'workflows', 'shared-modules.ts')],
    // webpack's module listing is noise in every build; warnings and errors still show.
    logger: new DefaultLogger('WARN'),
  });
}

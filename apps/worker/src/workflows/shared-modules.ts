/**
 * Required once per workflow thread, before any workflow (`preloadModules` in workflow-bundle.ts), so each new run
 * skips evaluating the interpreter, liquidjs and its two template engines again; the SDK shares these modules
 * between runs, frozen. Their only module state is caches of pure results (parsed templates, time-zone formatters).
 */
export { advance, renderTemplate, startOfNextLocalDay, startRun } from '@segflow/playbook';

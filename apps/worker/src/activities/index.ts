import { createLeadIntakeActivities } from './lead-intake.activities';
import { createPlaybookRunActivities, type PlaybookRunDependencies } from './playbook-run.activities';

export type ActivityDependencies = PlaybookRunDependencies;

/** Every activity the worker registers, built over injected clients (workflows import only the type). */
export function createActivities(deps: ActivityDependencies) {
  return { ...createLeadIntakeActivities(deps), ...createPlaybookRunActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;

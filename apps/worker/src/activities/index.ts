import type { Pool } from 'pg';
import { createLeadIntakeActivities } from './lead-intake.activities';
import { createPlaybookRunActivities } from './playbook-run.activities';
import type { TouchProvider } from './playbook-touch-provider';

export interface ActivityDependencies {
  pool: Pool;
  /** Channel provider for touches; defaults to the recording provider. */
  touchProvider?: TouchProvider;
}

/** Every activity the worker registers, built over injected clients (workflows import only the type). */
export function createActivities(deps: ActivityDependencies) {
  return { ...createLeadIntakeActivities(deps), ...createPlaybookRunActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;

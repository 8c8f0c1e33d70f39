import type { Pool } from 'pg';
import { createLeadIntakeActivities } from './lead-intake.activities';

export interface ActivityDependencies {
  pool: Pool;
}

/** Every activity the worker registers, built over injected clients (workflows import only the type). */
export function createActivities(deps: ActivityDependencies) {
  return { ...createLeadIntakeActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;

import type { Pool } from 'pg';
import { createLeadTouchCapActivities } from './lead-touch-cap.activities';
import { createPlaybookProgressActivities } from './playbook-progress.activities';
import { createPlaybookRouteActivities } from './playbook-route.activities';
import { createPlaybookTaskActivities } from './playbook-task.activities';
import { createPlaybookTouchActivities } from './playbook-touch.activities';
import { recordingTouchProvider, type TouchProvider } from './playbook-touch-provider';

/** Every activity a playbook run uses, over an injected pool and touch provider. */
export function createPlaybookRunActivities({ pool, touchProvider = recordingTouchProvider }: { pool: Pool; touchProvider?: TouchProvider }) {
  return {
    ...createPlaybookTouchActivities({ pool, provider: touchProvider }),
    ...createPlaybookTaskActivities({ pool }),
    ...createPlaybookRouteActivities({ pool }),
    ...createPlaybookProgressActivities({ pool }),
    ...createLeadTouchCapActivities({ pool }),
  };
}

/** The activities of a playbook run, for `proxyActivities` (type-only import in workflows). */
export type PlaybookRunActivities = ReturnType<typeof createPlaybookRunActivities>;

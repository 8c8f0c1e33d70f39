import type { Pool } from 'pg';
import { createPlaybookFeaturesActivities } from './playbook-features.activities';
import { createPlaybookProgressActivities } from './playbook-progress.activities';
import { createPlaybookRouteActivities } from './playbook-route.activities';
import { createPlaybookTaskActivities } from './playbook-task.activities';
import { createPlaybookTouchActivities } from './playbook-touch.activities';
import type { TouchProvider } from './playbook-touch-provider';

/** What the activities of a run are built over. */
export interface PlaybookRunDependencies {
  pool: Pool;
  /** Sends touches (see `touchProviderByChannel`). */
  touchProvider: TouchProvider;
  /** Right-hand side of every touch's Message-ID (`EMAIL_FROM_DOMAIN`). */
  messageIdDomain: string;
}

/** Every activity a playbook run uses, over an injected pool and touch provider. */
export function createPlaybookRunActivities({ pool, touchProvider, messageIdDomain }: PlaybookRunDependencies) {
  return {
    ...createPlaybookTouchActivities({ pool, provider: touchProvider, messageIdDomain }),
    ...createPlaybookTaskActivities({ pool }),
    ...createPlaybookRouteActivities({ pool }),
    ...createPlaybookProgressActivities({ pool }),
    ...createPlaybookFeaturesActivities({ pool }),
  };
}

/** The activities of a playbook run, for `proxyActivities` (type-only import in workflows). */
export type PlaybookRunActivities = ReturnType<typeof createPlaybookRunActivities>;

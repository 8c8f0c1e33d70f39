import type { PlaybookSettings } from './playbook-schema';

/**
 * Whether a lead may start this playbook again, given when its previous run of it ended (null = never ran
 * or still running counts as "no previous ended run"). `afterDays` counts full 24-hour days.
 *
 * @example
 * isReentryAllowed({ policy: 'afterDays', days: 30 }, new Date('2026-01-01'), new Date('2026-02-15')); // true
 */
export function isReentryAllowed(
  reentry: PlaybookSettings['reentry'],
  lastRunEndedAt: Date | null,
  now: Date,
): boolean {
  if (lastRunEndedAt === null) return true;
  switch (reentry.policy) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'afterDays':
      return now.getTime() - lastRunEndedAt.getTime() >= reentry.days * 86_400_000;
  }
}

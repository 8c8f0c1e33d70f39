import type { Playbook, PlaybookSettings } from './playbook-schema';

/** A quiet-hours window, local `HH:MM` (may wrap midnight). */
export type QuietHours = NonNullable<PlaybookSettings['quietHours']>;

/**
 * The playbook a run executes under a workspace-wide default for quiet hours: a playbook that sets none (null or
 * absent) gets the default; one that sets its own keeps it. The stored version is not changed.
 *
 * @example
 * withDefaultQuietHours(playbook, { start: '21:00', end: '09:00' }).settings.quietHours; // the playbook's own, else 21:00–09:00
 */
export function withDefaultQuietHours(playbook: Playbook, quietHours: QuietHours | null): Playbook {
  if (!quietHours || playbook.settings.quietHours) return playbook;
  return { ...playbook, settings: { ...playbook.settings, quietHours } };
}

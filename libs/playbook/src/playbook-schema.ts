import { hhMmSchema } from '@segflow/sla';
import { z } from 'zod';
import { eventTypeSchema } from './nodes/common';
import { playbookNodeSchema } from './nodes/playbook-node';

/** The schema version this library reads and writes. Bump it (and add a migration) on breaking changes. */
export const PLAYBOOK_SCHEMA_VERSION = 1;

/**
 * Playbook-wide settings.
 * - `goalEvents`: any of these arriving at any point ends the run `converted`.
 * - `quietHours`: local `HH:MM` window (in the lead's zone; may wrap midnight) in which sends are deferred; when null
 *   or absent the workspace default applies (`withDefaultQuietHours`).
 * - `maxTouchesPerDay`: sends per lead-local calendar day, counted across all the lead's runs; further sends are
 *   deferred to the next day.
 * - `reentry`: whether a lead that already ran this playbook may start it again (see `isReentryAllowed`).
 *
 * @example
 * playbookSettingsSchema.parse({ goalEvents: ['demo_booked'], quietHours: { start: '20:00', end: '08:00' },
 *   maxTouchesPerDay: 2, reentry: { policy: 'afterDays', days: 30 } });
 */
export const playbookSettingsSchema = z.object({
  goalEvents: z.array(eventTypeSchema),
  quietHours: z.object({ start: hhMmSchema, end: hhMmSchema }).nullable().optional(),
  maxTouchesPerDay: z.number().int().min(1).max(50).nullable().optional(),
  reentry: z.discriminatedUnion('policy', [
    z.object({ policy: z.literal('never') }),
    z.object({ policy: z.literal('afterDays'), days: z.number().int().min(1).max(3650) }),
    z.object({ policy: z.literal('always') }),
  ]),
});

/** Playbook-wide settings. */
export type PlaybookSettings = z.infer<typeof playbookSettingsSchema>;

/**
 * A directed connection from one node's out handle to another node (nodes have a single input).
 *
 * @example
 * playbookEdgeSchema.parse({ id: 'e1', source: 'entry', sourceHandle: 'next', target: 's1' });
 */
export const playbookEdgeSchema = z.object({
  id: z.string().min(1).max(100),
  source: z.string().min(1),
  sourceHandle: z.string().min(1),
  target: z.string().min(1),
});

/** A persisted edge. */
export type PlaybookEdge = z.infer<typeof playbookEdgeSchema>;

/**
 * The persisted playbook graph, shared by the editor, the API (request pipe) and the worker. Parsing only
 * checks shape; graph rules (one entry, reachability, weights, cycles, …) are `validatePlaybook`'s job.
 *
 * @example
 * const result = playbookSchema.safeParse(body);
 * if (!result.success) return result.error.issues;
 */
export const playbookSchema = z.object({
  schemaVersion: z.literal(PLAYBOOK_SCHEMA_VERSION),
  settings: playbookSettingsSchema,
  nodes: z.array(playbookNodeSchema).max(500),
  edges: z.array(playbookEdgeSchema).max(2000),
});

/** A persisted playbook (after parsing; defaults applied). */
export type Playbook = z.infer<typeof playbookSchema>;

/** A playbook as written before defaults are applied (e.g. a goal node without `windowMinutes`). */
export type PlaybookInput = z.input<typeof playbookSchema>;

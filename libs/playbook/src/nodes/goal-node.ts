import { z } from 'zod';
import { eventTypeSchema, minutesSchema } from './common';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/**
 * Config of a `goal` node, a terminal node. Reaching it ends the run:
 * - `converted` at once if one of `eventTypes` was already seen in this run;
 * - otherwise the run waits up to `windowMinutes` (0 = not at all) for one of them → `converted`;
 * - when the window passes without one → `completed` with reason `goal-not-reached`.
 * (`settings.goalEvents` convert the run at any node; these are the events that count for this path.)
 *
 * @example
 * goalConfigSchema.parse({ eventTypes: ['demo_booked'], windowMinutes: 10080 });
 */
export const goalConfigSchema = z.object({
  eventTypes: z.array(eventTypeSchema),
  windowMinutes: minutesSchema.default(0),
});

/** Config of a `goal` node. */
export type GoalConfig = z.infer<typeof goalConfigSchema>;

/**
 * A terminal node that decides whether this path converted.
 *
 * @example
 * goalNodeSchema.parse({ id: 'g', type: 'goal', position: { x: 0, y: 0 }, config: { eventTypes: ['demo_booked'] } });
 */
export const goalNodeSchema = nodeSchemaOf('goal', goalConfigSchema);

/** A persisted goal node. */
export type GoalNode = z.infer<typeof goalNodeSchema>;

/**
 * Registry entry for `goal` (no out handles).
 *
 * @example
 * goalDefinition.outHandles(goalDefinition.defaultConfig); // []
 */
export const goalDefinition: NodeDefinition<'goal', GoalConfig> = {
  type: 'goal',
  label: 'Goal',
  description: 'Ends the run: converted if the goal event happened (or happens within the window).',
  configSchema: goalConfigSchema,
  defaultConfig: { eventTypes: ['demo_booked'], windowMinutes: 7 * 24 * 60 },
  outHandles: () => [],
  pausesRun: () => false,
};

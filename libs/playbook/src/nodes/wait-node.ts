import { businessCalendarSchema, timeZoneSchema } from '@segflow/sla';
import { z } from 'zod';
import { minutesSchema } from './common';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/**
 * A business calendar (from `@segflow/sla`) whose `timeZone` may be the literal `'lead'`: the interpreter
 * then uses the lead's own zone, so "next business morning" means the lead's morning.
 *
 * @example
 * waitCalendarSchema.parse({ timeZone: 'lead', workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }, holidays: [] });
 */
export const waitCalendarSchema = businessCalendarSchema.extend({
  timeZone: z.union([z.literal('lead'), timeZoneSchema]),
});

/** A business calendar whose zone may be `'lead'`. */
export type WaitCalendar = z.infer<typeof waitCalendarSchema>;

/**
 * Config of a `wait` node: a fixed number of minutes, or until the next business window opens
 * (immediately if the calendar is open right now).
 *
 * @example
 * waitConfigSchema.parse({ mode: 'duration', minutes: 2880 });
 */
export const waitConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('duration'), minutes: minutesSchema }),
  z.object({ mode: z.literal('businessWindow'), calendar: waitCalendarSchema }),
]);

/** Config of a `wait` node. */
export type WaitConfig = z.infer<typeof waitConfigSchema>;

/**
 * A node that pauses the run.
 *
 * @example
 * waitNodeSchema.parse({ id: 'w1', type: 'wait', position: { x: 0, y: 0 }, config: { mode: 'duration', minutes: 60 } });
 */
export const waitNodeSchema = nodeSchemaOf('wait', waitConfigSchema);

/** A persisted wait node. */
export type WaitNode = z.infer<typeof waitNodeSchema>;

/**
 * Registry entry for `wait`. Only duration waits count as a pause for cycle checks: a business-window
 * wait passes straight through while the calendar is open, so a loop around it alone could spin.
 *
 * @example
 * waitDefinition.pausesRun({ mode: 'duration', minutes: 60 }); // true
 */
export const waitDefinition: NodeDefinition<'wait', WaitConfig> = {
  type: 'wait',
  label: 'Wait',
  description: 'Pauses for a duration, or until the next business hours of a calendar.',
  configSchema: waitConfigSchema,
  defaultConfig: { mode: 'duration', minutes: 2 * 24 * 60 },
  outHandles: () => [{ id: 'next', label: 'Next', required: true }],
  pausesRun: (config) => config.mode === 'duration',
};

import { z } from 'zod';
import { eventTypeSchema, minutesSchema } from './common';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/**
 * Config of a `waitForEvent` node: continue on `matched` when one of `eventTypes` arrives after the run
 * reached this node, or on `timedOut` after `timeoutMinutes`. Events seen earlier in the run do not count
 * (use a `branch` with `eventSeen` for that).
 *
 * @example
 * waitForEventConfigSchema.parse({ eventTypes: ['email_reply'], timeoutMinutes: 4320 });
 */
export const waitForEventConfigSchema = z.object({
  eventTypes: z.array(eventTypeSchema),
  timeoutMinutes: minutesSchema,
});

/** Config of a `waitForEvent` node. */
export type WaitForEventConfig = z.infer<typeof waitForEventConfigSchema>;

/**
 * A node that waits for the lead to do something.
 *
 * @example
 * waitForEventNodeSchema.parse({ id: 'e1', type: 'waitForEvent', position: { x: 0, y: 0 },
 *   config: { eventTypes: ['email_reply'], timeoutMinutes: 4320 } });
 */
export const waitForEventNodeSchema = nodeSchemaOf('waitForEvent', waitForEventConfigSchema);

/** A persisted waitForEvent node. */
export type WaitForEventNode = z.infer<typeof waitForEventNodeSchema>;

/**
 * Registry entry for `waitForEvent`.
 *
 * @example
 * waitForEventDefinition.outHandles(waitForEventDefinition.defaultConfig).map((h) => h.id); // ['matched', 'timedOut']
 */
export const waitForEventDefinition: NodeDefinition<'waitForEvent', WaitForEventConfig> = {
  type: 'waitForEvent',
  label: 'Wait for event',
  description: 'Waits until the lead replies, clicks or books — or a timeout passes.',
  configSchema: waitForEventConfigSchema,
  defaultConfig: { eventTypes: ['email_reply'], timeoutMinutes: 3 * 24 * 60 },
  outHandles: () => [
    { id: 'matched', label: 'Happened', required: true },
    { id: 'timedOut', label: 'Timed out', required: true },
  ],
  pausesRun: () => true,
};

import { z } from 'zod';
import { minutesSchema } from './common';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/**
 * Config of a `task` node: a task for the lead's owner, due `dueInMinutes` after the run reaches the node.
 * With `waitForCompletion` the run pauses until the task is completed (`done`) or `timeoutMinutes` pass
 * (`timedOut`); otherwise it continues on `next` at once and `timeoutMinutes` is ignored.
 *
 * @example
 * taskConfigSchema.parse({ taskType: 'call', title: 'Call {{lead.firstName}}', priority: 'high',
 *   dueInMinutes: 240, waitForCompletion: true, timeoutMinutes: 2880 });
 */
export const taskConfigSchema = z.object({
  taskType: z.enum(['call', 'linkedin', 'custom']),
  title: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  dueInMinutes: minutesSchema,
  waitForCompletion: z.boolean(),
  timeoutMinutes: minutesSchema,
});

/** Config of a `task` node. */
export type TaskConfig = z.infer<typeof taskConfigSchema>;

/**
 * A node that creates a task for a rep.
 *
 * @example
 * taskNodeSchema.parse({ id: 't1', type: 'task', position: { x: 0, y: 0 }, config: taskDefinition.defaultConfig });
 */
export const taskNodeSchema = nodeSchemaOf('task', taskConfigSchema);

/** A persisted task node. */
export type TaskNode = z.infer<typeof taskNodeSchema>;

/**
 * Registry entry for `task`: handle `next`, or `done`/`timedOut` when waiting for completion.
 *
 * @example
 * taskDefinition.outHandles({ ...taskDefinition.defaultConfig, waitForCompletion: true }).map((h) => h.id);
 * // ['done', 'timedOut']
 */
export const taskDefinition: NodeDefinition<'task', TaskConfig> = {
  type: 'task',
  label: 'Rep task',
  description: 'Creates a call, LinkedIn or custom task for the owner; can wait until it is done.',
  configSchema: taskConfigSchema,
  defaultConfig: {
    taskType: 'call',
    title: 'Call {{lead.firstName}} at {{lead.company}}',
    priority: 'normal',
    dueInMinutes: 240,
    waitForCompletion: false,
    timeoutMinutes: 2880,
  },
  outHandles: (config) =>
    config.waitForCompletion
      ? [
          { id: 'done', label: 'Done', required: true },
          { id: 'timedOut', label: 'Timed out', required: true },
        ]
      : [{ id: 'next', label: 'Next', required: true }],
  pausesRun: (config) => config.waitForCompletion,
};

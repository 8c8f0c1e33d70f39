import { z } from 'zod';
import type { OutHandle } from './out-handle';

/**
 * Everything the editor, the validator and the interpreter need to know about one node kind, apart from
 * its runtime behaviour (which lives in `interpreter/`). The editor builds its palette, forms and handles
 * from these; nothing about a node kind is defined in a React component.
 *
 * @example
 * const def: NodeDefinition<'exit', { reason: string }> = {
 *   type: 'exit', label: 'Exit', description: 'Ends the run.',
 *   configSchema: z.object({ reason: z.string() }), defaultConfig: { reason: 'done' },
 *   outHandles: () => [], pausesRun: () => false,
 * };
 */
export interface NodeDefinition<TType extends string, TConfig> {
  type: TType;
  /** Palette label. */
  label: string;
  /** One sentence for the palette tooltip. */
  description: string;
  configSchema: z.ZodType<TConfig>;
  /** Config of a node freshly dropped from the palette. */
  defaultConfig: TConfig;
  /** Out handles for this config (a waiting task has `done`/`timedOut`, a split one per variant). */
  outHandles(config: TConfig): OutHandle[];
  /** True when the run always stops here until time passes or something happens (breaks cycles). */
  pausesRun(config: TConfig): boolean;
}

/**
 * Node schema for one kind: `{ id, type, position, config }`.
 *
 * @example
 * const exitNodeSchema = nodeSchemaOf('exit', z.object({ reason: z.string() }));
 */
export function nodeSchemaOf<TType extends string, TConfig extends z.ZodType>(type: TType, configSchema: TConfig) {
  return z.object({
    id: z.string().min(1).max(100),
    type: z.literal(type),
    position: z.object({ x: z.number(), y: z.number() }),
    config: configSchema,
  });
}

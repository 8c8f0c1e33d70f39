import { z } from 'zod';
import { NODE_REGISTRY, NODE_TYPES, createNode, outHandlesOf, pausesRun } from './node-registry';
import { playbookNodeSchema } from './nodes/playbook-node';

describe('NODE_REGISTRY', () => {
  it.each(NODE_TYPES)('%s: default config parses with its config schema', (type) => {
    const def = NODE_REGISTRY[type];
    expect((def.configSchema as z.ZodType).safeParse(def.defaultConfig).success).toBe(true);
    expect(def.label.length).toBeGreaterThan(0);
    expect(def.description.length).toBeGreaterThan(0);
  });

  it.each(NODE_TYPES)('%s: createNode yields a node the union schema accepts', (type) => {
    const node = createNode(type, 'n1', { x: 1, y: 2 });
    expect(playbookNodeSchema.parse(node)).toEqual(node);
  });

  it.each([
    ['entry', {}, ['next'], false],
    ['send', NODE_REGISTRY.send.defaultConfig, ['next', 'failed'], false],
    ['task', { ...NODE_REGISTRY.task.defaultConfig, waitForCompletion: false }, ['next'], false],
    ['task', { ...NODE_REGISTRY.task.defaultConfig, waitForCompletion: true }, ['done', 'timedOut'], true],
    ['route', NODE_REGISTRY.route.defaultConfig, ['next'], false],
    ['wait', { mode: 'duration', minutes: 5 }, ['next'], true],
    ['waitForEvent', NODE_REGISTRY.waitForEvent.defaultConfig, ['matched', 'timedOut'], true],
    ['branch', NODE_REGISTRY.branch.defaultConfig, ['yes', 'no'], false],
    ['split', NODE_REGISTRY.split.defaultConfig, ['a', 'b'], false],
    ['goal', NODE_REGISTRY.goal.defaultConfig, [], false],
    ['exit', NODE_REGISTRY.exit.defaultConfig, [], false],
  ] as const)('%s with %j has handles %j (pauses: %s)', (type, config, handles, pauses) => {
    const node = playbookNodeSchema.parse({ id: 'n', type, position: { x: 0, y: 0 }, config });
    expect(outHandlesOf(node).map((h) => h.id)).toEqual(handles);
    expect(pausesRun(node)).toBe(pauses);
  });

  it('send requires the failed handle only when onFailure is followFailedEdge', () => {
    const base = NODE_REGISTRY.send.defaultConfig;
    expect(NODE_REGISTRY.send.outHandles({ ...base, onFailure: 'skip' })[1]?.required).toBe(false);
    expect(NODE_REGISTRY.send.outHandles({ ...base, onFailure: 'followFailedEdge' })[1]?.required).toBe(true);
  });
});

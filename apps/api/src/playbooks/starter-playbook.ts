import { createNode, PLAYBOOK_SCHEMA_VERSION, type Playbook } from '@segflow/playbook';

/**
 * The graph a new playbook starts with: entry → email → goal (demo booked). Built from the library's node
 * registry defaults, so it passes `validatePlaybook` and the editor opens it without badges.
 */
export function starterPlaybook(): Playbook {
  const goal = createNode('goal', 'goal', { x: 0, y: 240 });
  return {
    schemaVersion: PLAYBOOK_SCHEMA_VERSION,
    settings: { goalEvents: ['demo_booked'], quietHours: null, maxTouchesPerDay: 2, reentry: { policy: 'never' } },
    nodes: [
      createNode('entry', 'entry', { x: 0, y: 0 }),
      createNode('send', 'intro', { x: 0, y: 120 }),
      { ...goal, config: { ...goal.config, eventTypes: ['demo_booked'] } },
    ],
    edges: [
      { id: 'e-entry-intro', source: 'entry', sourceHandle: 'next', target: 'intro' },
      { id: 'e-intro-goal', source: 'intro', sourceHandle: 'next', target: 'goal' },
    ],
  };
}

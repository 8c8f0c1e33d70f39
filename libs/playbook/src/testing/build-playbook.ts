import type { PlaybookNode } from '../nodes/playbook-node';
import type { Playbook, PlaybookSettings } from '../playbook-schema';

/** A node as buildPlaybook takes it: id, type and that type's config (positions are laid out for you). */
export type NodeSpec = {
  [K in PlaybookNode['type']]: { id: string; type: K; config: Extract<PlaybookNode, { type: K }>['config'] };
}[PlaybookNode['type']];

/**
 * Builds a playbook from terse node specs and `'source.handle->target'` edge strings (positions laid out
 * top to bottom). An `entry` node is added unless one is given. Settings default to no quiet hours, no cap.
 *
 * @example
 * buildPlaybook({
 *   nodes: [{ id: 'x', type: 'exit', config: { reason: 'done' } }],
 *   edges: ['entry.next->x'],
 * });
 */
export function buildPlaybook(spec: {
  nodes: NodeSpec[];
  edges: string[];
  settings?: Partial<PlaybookSettings>;
}): Playbook {
  const withEntry: NodeSpec[] = spec.nodes.some((n) => n.type === 'entry')
    ? spec.nodes
    : [{ id: 'entry', type: 'entry', config: {} }, ...spec.nodes];
  const nodes = withEntry.map((n, i) => ({ ...n, position: { x: 0, y: i * 120 } }) as PlaybookNode);
  const edges = spec.edges.map((text, i) => {
    const match = /^([^.]+)\.([^-]+)->(.+)$/.exec(text);
    if (!match) throw new Error(`bad edge "${text}", expected source.handle->target`);
    return { id: `e${i + 1}`, source: match[1] ?? '', sourceHandle: match[2] ?? '', target: match[3] ?? '' };
  });
  const settings: PlaybookSettings = { goalEvents: ['demo_booked'], reentry: { policy: 'never' }, ...spec.settings };
  return { schemaVersion: 1, settings, nodes, edges };
}

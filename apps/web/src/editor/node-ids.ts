/**
 * A node id for a new node of a kind that no existing node uses: `send-1`, `send-2`, …
 *
 * @example
 * nextNodeId('send', new Set(['entry', 'send-1'])); // 'send-2'
 */
export function nextNodeId(type: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${type}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * An edge id no existing edge uses.
 *
 * @example
 * nextEdgeId(new Set(['e1'])); // 'e2'
 */
export function nextEdgeId(taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `e${n}`;
    if (!taken.has(id)) return id;
  }
}

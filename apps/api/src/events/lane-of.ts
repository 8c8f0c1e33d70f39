/**
 * The flush lane of a lead: a stable FNV-1a hash of its external id modulo the lane count. Every event of a lead goes
 * through the same lane, so concurrent flushes of different lanes never lock the same lead_features rows (they run
 * in parallel instead of queueing on each other's row locks) and a lead's events are applied in arrival order.
 */
export function laneOf(leadExternalId: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < leadExternalId.length; i += 1) {
    hash ^= leadExternalId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % lanes;
}

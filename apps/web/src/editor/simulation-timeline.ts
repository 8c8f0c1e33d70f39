import type { Channel, RunEvent, SimulationItem } from '@segflow/playbook';

/**
 * One row of the simulator's timeline, relative to the start of the run. A reply row may carry the intent its text
 * would be classified as; the simulated event then holds it where ingest puts it (`properties.intent`).
 */
export type TimelineRow =
  | { kind: 'event'; afterMinutes: number; eventType: string; channel?: Channel; intent?: string }
  | { kind: 'taskCompleted'; afterMinutes: number; nodeId: string }
  | { kind: 'exit'; afterMinutes: number; reason: string };

/**
 * The simulator's timeline rows as `simulateRun` items, at `start + afterMinutes`.
 *
 * @example
 * toSimulationItems([{ kind: 'event', afterMinutes: 60, eventType: 'email_reply' }], new Date('2026-03-02T09:00:00Z'));
 * // [{ kind: 'event', at: '2026-03-02T10:00:00.000Z', event: { type: 'email_reply' } }]
 */
export function toSimulationItems(rows: TimelineRow[], start: Date): SimulationItem[] {
  return rows.map((row) => {
    const at = new Date(start.getTime() + row.afterMinutes * 60_000).toISOString();
    switch (row.kind) {
      case 'event':
        return { kind: 'event', at, event: simulatedEvent(row) };
      case 'taskCompleted':
        return { kind: 'taskCompleted', at, nodeId: row.nodeId };
      case 'exit':
        return { kind: 'exit', at, reason: row.reason };
    }
  });
}

function simulatedEvent(row: Extract<TimelineRow, { kind: 'event' }>): Omit<RunEvent, 'occurredAt'> {
  return {
    type: row.eventType,
    ...(row.channel ? { channel: row.channel } : {}),
    ...(row.intent ? { properties: { intent: { intent: row.intent, confidence: 1 } } } : {}),
  };
}

/**
 * Parses `key = value` lines (numbers and booleans typed, blank lines skipped).
 *
 * @example
 * parseKeyValues('country = IN\nemployees = 120'); // { country: 'IN', employees: 120 }
 */
export function parseKeyValues(text: string): Record<string, string | number | boolean> {
  const entries = text
    .split('\n')
    .map((line) => line.split('='))
    .filter((parts) => parts.length >= 2 && parts[0]!.trim() !== '')
    .map(([key, ...rest]): [string, string | number | boolean] => {
      const raw = rest.join('=').trim();
      const value =
        raw === 'true'
          ? true
          : raw === 'false'
            ? false
            : raw !== '' && Number.isFinite(Number(raw))
              ? Number(raw)
              : raw;
      return [key!.trim(), value];
    });
  return Object.fromEntries(entries);
}

/**
 * `key = value` lines for a record (inverse of `parseKeyValues`).
 *
 * @example
 * formatKeyValues({ country: 'IN' }); // 'country = IN'
 */
export function formatKeyValues(record: Record<string, unknown>): string {
  return Object.entries(record)
    .map(([key, value]) => `${key} = ${String(value)}`)
    .join('\n');
}

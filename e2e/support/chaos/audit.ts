import { Connection, Client } from '@temporalio/client';
import type { Ledger } from './traffic';
import type { FaultFigure } from './scenario';
import type { ChaosStack } from './stack';

/** What the database, the SMTP server and Temporal say after the run, against what the clients were told. */
export interface ChaosTotals {
  eventsSent: number;
  eventsStored: number;
  eventsLost: number;
  /** Segment entries (memberships of bound segments opened during the run) and the runs they started. */
  segmentEntries: number;
  runs: number;
  entriesWithoutRun: number;
  entriesWithMoreThanOneRun: number;
  touchesSent: number;
  /**
   * Extra copies of a Message-ID the SMTP server accepted that no fault explains: a broken exactly-once. (An extra
   * copy after a fault that opens the crash window is counted in `resentInCrashWindow` instead.)
   */
  duplicateMessages: number;
  /** Extra copies sent again because a crash fault hit between the relay's accept and the `sent` record (README). */
  resentInCrashWindow: number;
  duplicates: DuplicateMessage[];
  /** Touches recorded as sent whose message the SMTP server never received. */
  sentTouchesNotReceived: number;
  /** Touches sent on email after the lead's email stop was stored. */
  touchesAfterStop: number;
  /** Runs still active in PostgreSQL / workflows still running in Temporal, after every run should have ended. */
  runsStillActive: number;
  workflowsStillRunning: number;
  /** Outbox rows given up on after MAX_ATTEMPTS (their segment change waits for an operator's retry). */
  outboxDeadLettered: number;
  itemsRetried: number;
  clientFailures: string[];
}

const stripBrackets = (id: string) => id.replace(/^<|>$/g, '');

/** The record follows the relay's accept within milliseconds; a crash later than this cannot have cut between them. */
const CRASH_WINDOW_MS = 2_000;

/** A Message-ID the SMTP server accepted more than once, with when, and whether a crash fault explains it. */
export interface DuplicateMessage {
  messageId: string;
  arrivals: string[];
  inCrashWindow: boolean;
}

/**
 * Message-IDs accepted more than once, each marked by whether a crash fault was injected within CRASH_WINDOW_MS of
 * the first copy (either side: a killed worker's last bytes still reach the server after the kill) and before the
 * last: only then may a retry resend a message the relay already had.
 */
function duplicatesOf(received: Map<string, number[]>, faults: FaultFigure[]): DuplicateMessage[] {
  const crashes = faults.filter((f) => f.opensCrashWindow).map((f) => Date.parse(f.injectedAt));
  return [...received.entries()]
    .filter(([, arrivals]) => arrivals.length > 1)
    .map(([messageId, arrivals]) => {
      const [first, last] = [Math.min(...arrivals), Math.max(...arrivals)];
      return {
        messageId,
        arrivals: arrivals.map((at) => new Date(at).toISOString()),
        inCrashWindow: crashes.some((at) => Math.abs(at - first) <= CRASH_WINDOW_MS && at <= last),
      };
    });
}

const extraCopies = (duplicates: DuplicateMessage[]) => duplicates.reduce((n, d) => n + d.arrivals.length - 1, 0);

export async function auditChaosRun(
  stack: ChaosStack,
  ledger: Ledger,
  since: Date,
  faults: FaultFigure[],
): Promise<ChaosTotals> {
  const q = async (sql: string, params: unknown[] = []) => (await stack.pool.query(sql, params)).rows;
  const sent = [...ledger.sentEventIds];
  const [{ stored }] = await q(`SELECT count(*)::int AS stored FROM events WHERE event_id = ANY($1)`, [sent]);
  const entries = await q(
    `SELECT m.id, (SELECT count(*)::int FROM runs r WHERE r.membership_id = m.id::text) AS runs
       FROM segment_memberships m JOIN segment_bindings b ON b.segment_id = m.segment_id::text
      WHERE m.entered_at >= $1`,
    [since],
  );
  const touches = await q(`SELECT message_id FROM touches WHERE status = 'sent' AND created_at >= $1`, [since]);
  const received = new Set([...stack.receivedMessageIds.keys()].map(stripBrackets));
  const [{ afterStop }] = await q(
    `SELECT count(*)::int AS "afterStop" FROM touches t JOIN events e ON e.lead_id = t.lead_id
      WHERE e.event_id = ANY($1) AND t.channel = 'email' AND t.status = 'sent' AND t.created_at > e.received_at`,
    [[...ledger.stops.values()]],
  );
  const [{ active }] = await q(`SELECT count(*)::int AS active FROM runs WHERE status = 'active'`);
  const [{ dead }] = await q(`SELECT count(*)::int AS dead FROM outbox WHERE dead_lettered_at IS NOT NULL`);
  const duplicates = duplicatesOf(stack.receivedMessageIds, faults);
  return {
    eventsSent: sent.length,
    eventsStored: stored,
    eventsLost: sent.length - stored,
    segmentEntries: entries.length,
    runs: entries.reduce((sum, e) => sum + e.runs, 0),
    entriesWithoutRun: entries.filter((e) => e.runs === 0).length,
    entriesWithMoreThanOneRun: entries.filter((e) => e.runs > 1).length,
    touchesSent: touches.length,
    duplicateMessages: extraCopies(duplicates.filter((d) => !d.inCrashWindow)),
    resentInCrashWindow: extraCopies(duplicates.filter((d) => d.inCrashWindow)),
    duplicates,
    sentTouchesNotReceived: touches.filter((t) => !t.message_id || !received.has(stripBrackets(t.message_id))).length,
    touchesAfterStop: afterStop,
    runsStillActive: active,
    workflowsStillRunning: await runningWorkflows(stack, since),
    outboxDeadLettered: dead,
    itemsRetried: ledger.itemsRetried,
    clientFailures: ledger.failures,
  };
}

/** Workflows of the run's runs that Temporal still reports running (each described by id: no visibility query). */
async function runningWorkflows(stack: ChaosStack, since: Date): Promise<number> {
  const ids = (
    await stack.pool.query(
      `SELECT temporal_workflow_id AS id FROM runs WHERE started_at >= $1 AND temporal_workflow_id IS NOT NULL`,
      [since],
    )
  ).rows;
  const connection = await Connection.connect({ address: stack.services.temporalAddress });
  try {
    const client = new Client({ connection });
    let running = 0;
    for (const { id } of ids)
      if ((await client.workflow.getHandle(id).describe()).status.name === 'RUNNING') running += 1;
    return running;
  } finally {
    await connection.close();
  }
}

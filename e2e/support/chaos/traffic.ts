import type { ApiRequest } from '../api-process';
import { createLead, MOVES, moveEvents } from '../segment-moves';

/** What the clients had accepted: the figures the audit checks the database against. */
export interface Ledger {
  /** eventIds the API answered accepted or duplicate (a retry of an accepted one) for. */
  sentEventIds: Set<string>;
  /** Lead external id → eventId of its stop (an email unsubscribe). */
  stops: Map<string, string>;
  /** Items the API refused and the client sent again (e.g. a flush cut by a fault). */
  itemsRetried: number;
  /** Movers that gave up (a request failed for longer than the client's patience). */
  failures: string[];
}

export const newLedger = (): Ledger => ({ sentEventIds: new Set(), stops: new Map(), itemsRetried: 0, failures: [] });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PATIENCE_MS = 120_000;

type EventItem = { eventId: string };

/** Posts `events` until every item is stored (accepted, or a duplicate of an earlier attempt), like a retrying client. */
export async function postUntilStored(request: ApiRequest, events: EventItem[], ledger: Ledger): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  let pending = events;
  while (pending.length > 0) {
    const response = await request<{ results?: Array<{ index: number; status: string }> }>('POST', '/api/events', {
      events: pending,
    });
    if (response.status === 200 && response.body.results) {
      const refused = response.body.results.filter((r) => r.status === 'rejected').map((r) => pending[r.index]!);
      const refusedIds = new Set(refused.map((e) => e.eventId));
      for (const event of pending) if (!refusedIds.has(event.eventId)) ledger.sentEventIds.add(event.eventId);
      ledger.itemsRetried += refused.length;
      pending = refused;
    } else if (response.status !== 429) {
      throw new Error(`POST /api/events: HTTP ${response.status} ${JSON.stringify(response.body)}`);
    }
    if (pending.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending.length} events still refused after ${PATIENCE_MS} ms`);
    await sleep(500);
  }
}

/** none → quiet → WhatsApp → email → WhatsApp (replies among the events), then, when `stops`, an email unsubscribe. */
export async function runMover(
  request: ApiRequest,
  externalId: string,
  ledger: Ledger,
  { gapMs, stops }: { gapMs: number; stops: boolean },
): Promise<void> {
  await createLead(request, externalId);
  for (let step = 0; step < MOVES.length; step += 1) {
    await postUntilStored(request, moveEvents(externalId, MOVES[step]!) as EventItem[], ledger);
    await sleep(gapMs);
  }
  if (!stops) return;
  const stop = {
    eventId: `${externalId}-stop`,
    leadExternalId: externalId,
    type: 'unsubscribe',
    channel: 'email',
    occurredAt: new Date().toISOString(),
  };
  await postUntilStored(request, [stop], ledger);
  ledger.stops.set(externalId, stop.eventId);
}

export interface Traffic {
  /** Requests from movers in flight right now. */
  movers(): number;
  /** Stops starting movers and waits for the running ones to finish. */
  stop(): Promise<void>;
}

/** Starts a mover every `intervalMs` (every `stopEvery`-th ends with a stop) until stopped. */
export function startTraffic(
  request: ApiRequest,
  ledger: Ledger,
  { intervalMs, gapMs, stopEvery }: { intervalMs: number; gapMs: number; stopEvery: number },
): Traffic {
  const running = new Set<Promise<void>>();
  let n = 0;
  const spawn = () => {
    const externalId = `chaos-mover-${n}`;
    const mover = runMover(request, externalId, ledger, { gapMs, stops: n % stopEvery === stopEvery - 1 })
      .catch((error: Error) => void ledger.failures.push(`${externalId}: ${error.message}`))
      .finally(() => running.delete(mover));
    running.add(mover);
    n += 1;
  };
  spawn();
  const timer = setInterval(spawn, intervalMs);
  return {
    movers: () => running.size,
    stop: async () => {
      clearInterval(timer);
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

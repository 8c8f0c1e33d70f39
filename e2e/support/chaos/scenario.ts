import type { Playbook } from '@segflow/playbook';
import { buildPlaybook } from '@segflow/playbook/testing';
import { createLead, MOVES, moveEvents, publishAndBind, seedAndTrain } from '../segment-moves';
import { auditChaosRun, ChaosTotals } from './audit';
import type { Fault } from './faults';
import type { ChaosStack } from './stack';
import { Ledger, newLedger, postUntilStored, startTraffic } from './traffic';

export interface FaultFigure {
  fault: string;
  moment: string;
  /** False when the moment did not come within MOMENT_WAIT_MS and the fault was injected anyway. */
  momentHit: boolean;
  injectedAt: string;
  /** The fault can interrupt a send between the relay's accept and the `sent` record (Fault.opensCrashWindow). */
  opensCrashWindow: boolean;
  /** From injection to repair done (a restart's own duration included). */
  faultMs: number;
  /** From repair done to a fresh lead's segment entry having its run and first touch sent; null: not within RECOVERY_LIMIT_MS. */
  recoveredAfterMs: number | null;
}

export interface ChaosReport {
  faults: FaultFigure[];
  totals: ChaosTotals;
  durationSeconds: number;
}

export interface ChaosOptions {
  faults: Fault[];
  /** A new mover every intervalMs; each waits gapMs between its moves; every stopEvery-th ends with a stop. */
  traffic: { intervalMs: number; gapMs: number; stopEvery: number };
  warmupMs: number;
  /** Hears one line per step (the long run prints them). */
  onProgress?: (line: string) => void;
}

const MOMENT_WAIT_MS = 15_000;
const RECOVERY_LIMIT_MS = 120_000;
/** Longest a run may take once the traffic stopped: its 5-minute wait (5 s scaled), its sends, and slack. */
const SETTLE_LIMIT_MS = 90_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const sender = { kind: 'fixed', name: 'Segflow', address: 'hi@segflow.test' } as const;

/** email → wait 5 min → email → exit; re-entry always, so every entry of a bound segment starts a run. */
function chaosPlaybook(): Playbook {
  return buildPlaybook({
    settings: { goalEvents: ['demo_booked'], reentry: { policy: 'always' }, quietHours: null, maxTouchesPerDay: null },
    nodes: [
      {
        id: 'intro',
        type: 'send',
        config: {
          channel: 'email',
          subject: 'Hello {{lead.firstName}}',
          body: 'Hi {{lead.firstName}}',
          sender,
          onFailure: 'skip',
        },
      },
      { id: 'pause', type: 'wait', config: { mode: 'duration', minutes: 5 } },
      {
        id: 'nudge',
        type: 'send',
        config: {
          channel: 'email',
          subject: 'Still there?',
          body: 'Any thoughts, {{lead.firstName}}?',
          sender,
          onFailure: 'skip',
        },
      },
      { id: 'done', type: 'exit', config: { reason: 'sequence-done' } },
    ],
    edges: ['entry.next->intro', 'intro.next->pause', 'pause.next->nudge', 'nudge.next->done'],
  });
}

/** Polls `sql` (one row `{ hit }`) on the direct pool until it holds; errors (PostgreSQL restarting) count as not yet. */
async function holdsWithin(stack: ChaosStack, sql: string, ms: number, params: unknown[] = []): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const hit = await stack.pool.query(sql, params).then(
      (r) => Boolean(r.rows[0]?.hit),
      () => false,
    );
    if (hit) return true;
    await sleep(50);
  }
  return false;
}

/** Time from `since` until a fresh lead entering a bound segment has its run's first touch sent, or null. */
async function timeToRecover(stack: ChaosStack, ledger: Ledger, since: number, canary: string): Promise<number | null> {
  await createLead(stack.request, canary);
  for (const step of [0, 1])
    await postUntilStored(stack.request, moveEvents(canary, MOVES[step]!) as Array<{ eventId: string }>, ledger);
  const sent = `SELECT EXISTS (SELECT 1 FROM touches t JOIN leads l ON l.id = t.lead_id WHERE l.external_id = $1 AND t.status = 'sent') AS hit`;
  return (await holdsWithin(stack, sent, RECOVERY_LIMIT_MS - (Date.now() - since), [canary]))
    ? Date.now() - since
    : null;
}

async function injectAndMeasure(
  stack: ChaosStack,
  ledger: Ledger,
  fault: Fault,
  n: number,
  say: (line: string) => void,
): Promise<FaultFigure> {
  const momentHit = await holdsWithin(stack, fault.momentSql, MOMENT_WAIT_MS);
  say(`${fault.name}: injecting (${momentHit ? '' : 'not seen: '}${fault.moment})`);
  const injected = Date.now();
  await fault.inject(stack);
  await sleep(fault.holdMs);
  await fault.repair(stack);
  const repaired = Date.now();
  say(`${fault.name}: repaired after ${repaired - injected} ms; probing recovery`);
  const recoveredAfterMs = await timeToRecover(stack, ledger, repaired, `chaos-canary-${n}`);
  return {
    fault: fault.name,
    moment: fault.moment,
    momentHit,
    injectedAt: new Date(injected).toISOString(),
    opensCrashWindow: fault.opensCrashWindow ?? false,
    faultMs: repaired - injected,
    recoveredAfterMs,
  };
}

/**
 * Seeds and trains three segments, binds a playbook to each active one, drives steady traffic and injects `faults`
 * one after another, measuring recovery after each; then lets every run end and audits the result.
 */
export async function runChaos(stack: ChaosStack, options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const say = (line: string) => options.onProgress?.(`[chaos ${Math.round((Date.now() - started) / 1000)}s] ${line}`);
  const segments = await seedAndTrain(stack.request);
  await publishAndBind(stack.request, chaosPlaybook(), segments.whatsapp, 'WhatsApp movers');
  await publishAndBind(stack.request, chaosPlaybook(), segments.email, 'Email movers');
  const since = (await stack.pool.query<{ now: Date }>('SELECT now()')).rows[0]!.now;
  say('segments trained and bound; traffic starts');
  const ledger = newLedger();
  const traffic = startTraffic(stack.request, ledger, options.traffic);
  await sleep(options.warmupMs);
  const faults: FaultFigure[] = [];
  for (const [n, fault] of options.faults.entries()) {
    faults.push(await injectAndMeasure(stack, ledger, fault, n, say));
    say(`${fault.name}: recovered after ${faults.at(-1)!.recoveredAfterMs ?? 'never'} ms`);
  }
  say('traffic stopping');
  await traffic.stop();
  say('waiting for every run to end');
  await holdsWithin(
    stack,
    `SELECT NOT EXISTS (SELECT 1 FROM runs WHERE status = 'active') AND NOT EXISTS (SELECT 1 FROM outbox WHERE dispatched_at IS NULL) AS hit`,
    SETTLE_LIMIT_MS,
  );
  const totals = await auditChaosRun(stack, ledger, since, faults);
  return { faults, totals, durationSeconds: Math.round((Date.now() - started) / 1000) };
}

import { condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { advance, startRun, type CommandResult, type RunInput, type RunState, type Step } from '@segflow/playbook';
import {
  exitSignal,
  leadEventSignal,
  leadEventsSignal,
  pauseSignal,
  playbookRunStateQuery,
  resumeSignal,
  taskCompletedSignal,
  type CarriedRunState,
  type PlaybookRunInput,
  type PlaybookRunResult,
  type PlaybookRunSignalInput,
  type RunClock,
} from '@segflow/workflow-contracts';
import { interpreterNow, startClock, workflowMsUntil } from './playbook-run-clock';
import { executeCommand, isOutbound, recordedProgressKey, recordProgress } from './playbook-run-commands';

/** History length after which the run continues as new (well below Temporal's 50k-event limit). */
export const RUN_HISTORY_LIMIT = 5_000;

function toRunInput(queued: PlaybookRunSignalInput): RunInput {
  if (queued.kind === 'event') return { kind: 'event', event: queued.payload.event };
  if (queued.kind === 'exit') return { kind: 'exit', reason: queued.reason };
  const { nodeId, visit, outcome } = queued.payload;
  return { kind: 'commandResult', nodeId, visit, result: { kind: 'taskCompleted', outcome } };
}

/** Signal-fed state of one execution, plus the interpreter state it drives. */
class RunDriver {
  state!: RunState;
  inbox: PlaybookRunSignalInput[];
  exitReason: string | null;
  lastResult: CommandResult | null;
  paused: boolean;
  readonly clock: RunClock;
  /** {@link recordedProgressKey} of the state last mirrored into Postgres by this execution. */
  private recorded: string | null = null;

  constructor(private readonly input: PlaybookRunInput) {
    const carried = input.carried;
    this.inbox = carried?.inbox ?? [];
    this.exitReason = carried?.exitReason ?? null;
    this.lastResult = carried?.lastResult ?? null;
    this.paused = input.paused;
    this.clock = carried?.clock ?? startClock(input.timeScale, new Date());
    if (carried) this.state = carried.state;
    setHandler(leadEventSignal, (payload) => void this.inbox.push({ kind: 'event', payload }));
    setHandler(leadEventsSignal, ({ events, exitReason }) => {
      this.inbox.push(...events.map((payload) => ({ kind: 'event' as const, payload })));
      if (exitReason !== undefined) this.inbox.push({ kind: 'exit', reason: exitReason });
    });
    setHandler(taskCompletedSignal, (payload) => void this.inbox.push({ kind: 'taskCompleted', payload }));
    setHandler(exitSignal, ({ reason }) => void (this.exitReason ??= reason));
    setHandler(pauseSignal, () => void (this.paused = true));
    setHandler(resumeSignal, () => void (this.paused = false));
    setHandler(playbookRunStateQuery, () => ({
      runId: input.runId,
      status: this.state?.status ?? 'active',
      reason: this.state?.reason ?? null,
      currentNodeId: this.state?.currentNodeId ?? null,
      path: this.state?.path ?? [],
      waiting: this.state?.waiting ?? null,
      paused: this.paused,
    }));
  }

  now(): Date {
    return interpreterNow(this.clock, new Date());
  }

  /** Notes that Postgres already holds this state (the API mirrored the run's start as it created the run). */
  markRecorded(state: RunState): void {
    this.recorded = recordedProgressKey(state);
  }

  /**
   * Executes a step's commands in order; once an exit is pending no touch, task or routing goes out. Then mirrors
   * the state into Postgres, unless the next input is already queued (a batch of 30 events is one write, not 30) or
   * the step changed nothing the mirror holds (an email open during a wait is no write at all).
   */
  async apply(step: Step): Promise<void> {
    this.state = step.state;
    for (const command of step.commands) {
      if (this.exitPending() && isOutbound(command)) break;
      this.lastResult = await executeCommand(
        this.input.runId,
        command,
        this.state.lead,
        this.now(),
        this.input.graph.settings.maxTouchesPerDay ?? null,
      );
    }
    // A feature read's answer is the next input, at once: the branch's decision is the state worth mirroring.
    if (this.hasQueuedInput() || step.commands.at(-1)?.kind === 'readLeadFeatures') return;
    const progress = recordedProgressKey(this.state);
    if (progress === this.recorded) return;
    await recordProgress({ runId: this.input.runId, state: this.state });
    this.recorded = progress;
  }

  /** Whether the run was told to exit: at once ({@link exitSignal}), or once it has heard the events queued before. */
  private exitPending(): boolean {
    return this.exitReason !== null || this.queuedExit() !== undefined;
  }

  /** The exit queued behind events (`exitReason` of a `leadEvents` signal), if any. */
  private queuedExit(): Extract<PlaybookRunSignalInput, { kind: 'exit' }> | undefined {
    return this.inbox.find((queued) => queued.kind === 'exit');
  }

  /** Whether the run's next input (a queued signal or a pending exit) is already here, so it goes on at once. */
  private hasQueuedInput(): boolean {
    if (this.state.status !== 'active' || this.paused || this.state.waiting?.kind === 'commandResult') return false;
    return this.exitReason !== null || this.inbox.length > 0;
  }

  /** The next input for the interpreter, following `advance`'s driver loop; holds while paused. */
  async nextInput(): Promise<RunInput> {
    for (;;) {
      if (this.exitReason !== null) return { kind: 'exit', reason: this.exitReason };
      if (this.paused) {
        // A paused run hears nothing, but an exit queued behind events still ends it.
        const queuedExit = this.queuedExit();
        if (queuedExit) return toRunInput(queuedExit);
        await condition(() => !this.paused || this.exitPending());
        continue;
      }
      const waiting = this.state.waiting;
      if (waiting?.kind === 'commandResult') {
        return {
          kind: 'commandResult',
          nodeId: waiting.nodeId,
          visit: waiting.visit,
          result: this.lastResult ?? { kind: 'ok' },
        };
      }
      const queued = this.inbox.shift();
      if (queued) return toRunInput(queued);
      if (waiting?.until !== undefined && this.now().getTime() >= Date.parse(waiting.until))
        return { kind: 'timerFired' };
      const timeout = waiting?.until === undefined ? undefined : workflowMsUntil(this.clock, new Date(), waiting.until);
      await condition(() => this.exitReason !== null || this.paused || this.inbox.length > 0, timeout as number);
    }
  }

  carry(): CarriedRunState {
    return {
      state: this.state,
      clock: this.clock,
      inbox: this.inbox,
      lastResult: this.lastResult,
      exitReason: this.exitReason,
    };
  }
}

/**
 * One playbook run: drives `@segflow/playbook`'s interpreter (startRun / advance) with Temporal timers for
 * waits and signals for lead events, task completions, pause/resume and exit. Every side effect is an
 * idempotent activity keyed by (run, node, visit). Continues as new before the history gets long.
 */
export async function playbookRunWorkflow(input: PlaybookRunInput): Promise<PlaybookRunResult> {
  const driver = new RunDriver(input);
  if (!input.carried) {
    const now = input.startedAt === undefined ? driver.now() : new Date(input.startedAt);
    const first = startRun({ playbook: input.graph, lead: input.lead, now, runId: input.runId });
    if (input.startedAt !== undefined) driver.markRecorded(first.state);
    await driver.apply(first);
  }
  while (driver.state.status === 'active') {
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > (input.historyLimit ?? RUN_HISTORY_LIMIT)) {
      await continueAsNew<typeof playbookRunWorkflow>({ ...input, paused: driver.paused, carried: driver.carry() });
    }
    const next = await driver.nextInput();
    await driver.apply(advance(input.graph, driver.state, next, { now: driver.now() }));
  }
  return { status: driver.state.status, reason: driver.state.reason ?? null };
}

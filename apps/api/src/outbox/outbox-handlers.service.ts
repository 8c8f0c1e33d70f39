import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isContactChannel, outcomeOf } from '@segflow/events';
import type { RunEvent } from '@segflow/playbook';
import {
  findListeningRuns,
  findRunsLeavingSegment,
  findTouchRuns,
  type OutboxMessage,
  type RunTarget,
} from '@segflow/stores';
import type { LeadEventSignalPayload } from '@segflow/workflow-contracts';
import { DataSource } from 'typeorm';
import { LeadIntakeStarter } from '../leads/lead-intake-starter';
import { RunLauncherService } from '../runs/run-launcher.service';
import { RunSignal, RunSignalsService } from '../runs/run-signals.service';

type LeadEventPayload = Extract<OutboxMessage, { kind: 'lead_event' }>['payload'];
/** Where one lead event goes: the runs that hear it, and the touch it answers when the API matched one. */
type LeadEventTarget = { runs: readonly RunTarget[]; touchId: string | null };

/**
 * Events one `leadEvents` signal carries at most; more go in the next signal to the same run. An event is at most
 * ~11.5 KB as JSON (properties ≤ MAX_PROPERTIES_BYTES, 8 KB, plus ids of ≤ 128–256 characters, which JSON escaping may
 * grow sixfold), so a signal stays under ~1.2 MB: inside Temporal's 2 MB payload limit, whatever a lead sent.
 */
export const MAX_EVENTS_PER_SIGNAL = 100;

/**
 * What a lead event means to a run. An opt-out (`unsubscribe`) becomes the interpreter's `unsubscribed` event for its
 * channel (the run skips that channel from now on); an opt-out from all channels exits the run instead.
 */
export function runSignalsOf(payload: LeadEventPayload): { events: RunEvent[]; exitReason: string | null } {
  const base = { occurredAt: payload.occurredAt, eventId: payload.eventId, properties: payload.properties };
  const channel = isContactChannel(payload.channel) ? payload.channel : null;
  if (outcomeOf(payload.type) === 'optOut') {
    if (!channel) return { events: [], exitReason: 'unsubscribed:all' };
    return { events: [{ ...base, type: 'unsubscribed', channel }], exitReason: null };
  }
  return { events: [{ ...base, type: payload.type, ...(channel ? { channel } : {}) }], exitReason: null };
}

/** What one outbox row asks of runs: events for them to hear, and an exit (null when none). */
export interface RunDelivery {
  runs: ReadonlyArray<{ temporal_workflow_id: string }>;
  events: LeadEventSignalPayload[];
  exitReason: string | null;
}

/** A row {@link OutboxHandlersService.deliverToRuns} delivers: a lead event, or a segment exit. */
export type ToRunsMessage = Extract<OutboxMessage, { kind: 'lead_event' | 'segment_left' }>;

/** Turns committed outbox messages into run starts and run signals. Every handler is safe to repeat. */
@Injectable()
export class OutboxHandlersService {
  private readonly logger = new Logger(OutboxHandlersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly launcher: RunLauncherService,
    private readonly signals: RunSignalsService,
    private readonly intake: LeadIntakeStarter,
  ) {}

  /** Starts the workflow of a run a request wrote but could not start (`run_start`). */
  startRun(payload: Extract<OutboxMessage, { kind: 'run_start' }>['payload']): Promise<void> {
    return this.launcher.startRunWorkflow(payload.runId);
  }

  /** Starts a new lead's intake workflow the request could not start (`lead_intake`). */
  startIntake(payload: Extract<OutboxMessage, { kind: 'lead_intake' }>['payload']): Promise<void> {
    return this.intake.start(payload.leadId);
  }

  /** Starts the run a `segment_entered` row calls for; its workflow starts only once `startAfter` resolved. */
  async enterSegment(
    payload: Extract<OutboxMessage, { kind: 'segment_entered' }>['payload'],
    startAfter?: Promise<void>,
  ): Promise<void> {
    const result = await this.launcher.launchSegmentEntry({
      leadId: payload.leadId,
      segmentId: payload.segmentId,
      membershipId: payload.membershipId,
      startAfter,
    });
    if (result?.kind === 'refused')
      this.logger.log(`segment entry ${payload.membershipId} started no run: ${result.detail}`);
  }

  /**
   * Delivers consecutive `lead_event` and `segment_left` rows of one lead to its running runs, in row order, as few
   * signals as that order allows ({@link planRunSignals}): usually one per run, the exit of a segment change riding
   * on the events before it. The runs of all rows are looked up at once (one query for the lead's active runs, one
   * per exit, one for the touches its replies answer).
   */
  async deliverToRuns(leadId: string, messages: readonly ToRunsMessage[]): Promise<void> {
    const events = messages.flatMap((m) => (m.kind === 'lead_event' ? [m.payload] : []));
    const [eventTargets, ...exitTargets] = await Promise.all([
      events.length ? this.targetsOf(leadId, events) : [],
      ...messages.flatMap((m) =>
        m.kind === 'segment_left' ? [findRunsLeavingSegment(this.dataSource, m.payload)] : [],
      ),
    ]);
    let nextEvent = 0;
    let nextExit = 0;
    const deliveries = messages.map((m): RunDelivery => {
      if (m.kind === 'segment_left')
        return { runs: exitTargets[nextExit++]!, events: [], exitReason: `left-segment:${m.payload.reason}` };
      const { runs, touchId } = eventTargets[nextEvent++]!;
      const { events: runEvents, exitReason } = runSignalsOf(m.payload);
      return { runs, events: runEvents.map((event) => ({ event, ...(touchId ? { touchId } : {}) })), exitReason };
    });
    await Promise.all(
      [...planRunSignals(deliveries)].map(async ([workflowId, signals]) => {
        for (const signal of signals) await this.signals.send(workflowId, signal);
      }),
    );
  }

  /**
   * The runs each event is for: of those that hear its type, a reply naming the touch it answers goes to that touch's
   * run only, and only if it is still active, so a late reply to an old run never wakes a newer one. Other events go
   * to every active run of the lead that hears them.
   */
  private async targetsOf(leadId: string, payloads: readonly LeadEventPayload[]): Promise<LeadEventTarget[]> {
    const replies = payloads
      .map((p) => p.replyTo)
      .filter((r): r is NonNullable<typeof r> => Boolean(r?.touchId || r?.providerMessageId));
    const [active, touches] = await Promise.all([
      findListeningRuns(this.dataSource, leadId),
      replies.length === 0
        ? []
        : findTouchRuns(this.dataSource, leadId, {
            touchIds: replies.flatMap((r) => r.touchId ?? []),
            providerMessageIds: replies.flatMap((r) => r.providerMessageId ?? []),
          }),
    ]);
    return payloads.map(({ replyTo, type }) => {
      const hears = (run: { heard_event_types: string[] }) => run.heard_event_types.includes(type);
      const touch =
        replyTo &&
        touches.find(
          (t) =>
            (replyTo.touchId && t.touch_id === replyTo.touchId) ||
            (replyTo.providerMessageId && t.provider_message_id === replyTo.providerMessageId),
        );
      if (!touch) return { runs: active.filter(hears), touchId: null };
      return {
        runs:
          touch.status === 'active' && touch.temporal_workflow_id && hears(touch)
            ? [{ temporal_workflow_id: touch.temporal_workflow_id }]
            : [],
        touchId: touch.touch_id,
      };
    });
  }
}

/**
 * The signals each run gets for a lead's rows (`deliveries`, in row order): consecutive events for a run become one
 * `leadEvents` signal, and an exit ends the run's last signal when that is such a batch (`exitReason`), else becomes
 * an `exit` signal of its own. A run told to exit gets nothing after that: the workflow keeps the first exit.
 *
 * @example
 * planRunSignals([{ runs: [a], events: [open], exitReason: null }, { runs: [a], events: [], exitReason: 'left-segment:event' }])
 * // → Map { a.temporal_workflow_id => [{ kind: 'leadEvents', payload: { events: [open], exitReason: 'left-segment:event' } }] }
 */
export function planRunSignals(deliveries: readonly RunDelivery[]): Map<string, RunSignal[]> {
  const plan = new Map<string, RunSignal[]>();
  const exiting = new Set<string>();
  for (const { runs, events, exitReason } of deliveries) {
    for (const { temporal_workflow_id: workflowId } of runs) {
      if (exiting.has(workflowId)) continue;
      const signals = plan.get(workflowId) ?? [];
      plan.set(workflowId, signals);
      for (const event of events) appendEvent(signals, event);
      if (exitReason === null) continue;
      exiting.add(workflowId);
      const last = signals.at(-1);
      if (last?.kind === 'leadEvents') last.payload.exitReason = exitReason;
      else signals.push({ kind: 'exit', payload: { reason: exitReason } });
    }
  }
  return plan;
}

/**
 * Appends an event to the run's signals: to the last `leadEvents` signal if that is the last one and has room
 * ({@link MAX_EVENTS_PER_SIGNAL}), else as a new one.
 */
function appendEvent(signals: RunSignal[], event: LeadEventSignalPayload): void {
  const last = signals.at(-1);
  if (last?.kind === 'leadEvents' && last.payload.events.length < MAX_EVENTS_PER_SIGNAL)
    last.payload.events.push(event);
  else signals.push({ kind: 'leadEvents', payload: { events: [event] } });
}

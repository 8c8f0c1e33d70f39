import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, RunEvent } from '@segflow/playbook';
import type { LeadEventSignalPayload } from '@segflow/workflow-contracts';
import { DataSource } from 'typeorm';
import { RunLauncherService } from '../runs/run-launcher.service';
import { RunSignal, RunSignalsService } from '../runs/run-signals.service';
import type { OutboxMessage } from './outbox-message';

export type LeadEventPayload = Extract<OutboxMessage, { kind: 'lead_event' }>['payload'];
/** An active run of the lead and the event types its version hears (`playbook_versions.heard_event_types`). */
type ActiveRun = { id: string; temporal_workflow_id: string; heard_event_types: string[] };
/** Where one lead event goes: the runs that hear it, and the touch it answers when the API matched one. */
export type LeadEventTarget = { runs: ReadonlyArray<{ temporal_workflow_id: string }>; touchId: string | null };

const CHANNELS: Channel[] = ['email', 'whatsapp', 'linkedin'];

/**
 * What a lead event means to a run. `unsubscribe` becomes the interpreter's `unsubscribed` event per channel
 * (the run skips that channel from now on); `unsubscribe` from all channels exits the run instead.
 */
export function runSignalsOf(payload: LeadEventPayload): { events: RunEvent[]; exitReason: string | null } {
  const base = { occurredAt: payload.occurredAt, eventId: payload.eventId, properties: payload.properties };
  if (payload.type === 'unsubscribe') {
    if (payload.channel === 'all' || payload.channel === null) return { events: [], exitReason: 'unsubscribed:all' };
    return { events: [{ ...base, type: 'unsubscribed', channel: payload.channel as Channel }], exitReason: null };
  }
  const channel = CHANNELS.find((c) => c === payload.channel);
  return { events: [{ ...base, type: payload.type, ...(channel ? { channel } : {}) }], exitReason: null };
}

/** Turns committed outbox messages into run starts and run signals. Every handler is safe to repeat. */
@Injectable()
export class OutboxHandlersService {
  private readonly logger = new Logger(OutboxHandlersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly launcher: RunLauncherService,
    private readonly signals: RunSignalsService,
  ) {}

  /**
   * Delivers a `segment_entered` or `segment_left` row (`lead_event` rows go through {@link deliverLeadEvents}). An
   * entry's workflow starts only once `startAfter` (the lead's rows before it, sent meanwhile) resolved.
   */
  async handle(message: Exclude<OutboxMessage, { kind: 'lead_event' }>, startAfter?: Promise<void>): Promise<void> {
    switch (message.kind) {
      case 'segment_entered':
        return this.onSegmentEntered(message.payload, startAfter);
      case 'segment_left':
        return this.onSegmentLeft(message.payload);
    }
  }

  private async onSegmentEntered(payload: Extract<OutboxMessage, { kind: 'segment_entered' }>['payload'], startAfter?: Promise<void>): Promise<void> {
    const result = await this.launcher.launchSegmentEntry({ leadId: payload.leadId, segmentId: payload.segmentId, membershipId: payload.membershipId, startAfter });
    if (result?.kind === 'refused') this.logger.log(`segment entry ${payload.membershipId} started no run: ${result.detail}`);
  }

  private async onSegmentLeft(payload: Extract<OutboxMessage, { kind: 'segment_left' }>['payload']): Promise<void> {
    const runs: ActiveRun[] = await this.dataSource.query(
      `SELECT id, temporal_workflow_id FROM runs WHERE lead_id = $1 AND status = 'active' AND temporal_workflow_id IS NOT NULL
         AND (membership_id = $2 OR segment_id = $3)`,
      [payload.leadId, payload.membershipId, payload.segmentId],
    );
    const reason = `left-segment:${payload.reason}`;
    await Promise.all(runs.map((r) => this.signals.send(r.temporal_workflow_id, { kind: 'exit', payload: { reason } })));
  }

  /**
   * Delivers consecutive `lead_event` rows of one lead: each target run gets its events as one `leadEvents` signal
   * in row order (an exit from an unsubscribe-from-all ends the batch that precedes it), and the targets are found
   * with one query for the lead's active runs plus one for the touches its replies answer.
   */
  async deliverLeadEvents(leadId: string, payloads: readonly LeadEventPayload[]): Promise<void> {
    const plan = planRunSignals(payloads, await this.targetsOf(leadId, payloads));
    await Promise.all([...plan].map(async ([workflowId, signals]) => {
      for (const signal of signals) await this.signals.send(workflowId, signal);
    }));
  }

  /**
   * The runs each event is for: of those that hear its type, a reply naming the touch it answers goes to that touch's
   * run only, and only if it is still active, so a late reply to an old run never wakes a newer one. Other events go
   * to every active run of the lead that hears them.
   */
  private async targetsOf(leadId: string, payloads: readonly LeadEventPayload[]): Promise<LeadEventTarget[]> {
    const replies = payloads.map((p) => p.replyTo).filter((r): r is NonNullable<typeof r> => Boolean(r?.touchId || r?.providerMessageId));
    const [active, touches]: [ActiveRun[], Array<ActiveRun & { touch_id: string; provider_message_id: string | null; status: string }>] = await Promise.all([
      this.dataSource.query(
        `SELECT r.id, r.temporal_workflow_id, v.heard_event_types FROM runs r JOIN playbook_versions v ON v.id = r.playbook_version_id
         WHERE r.lead_id = $1 AND r.status = 'active' AND r.temporal_workflow_id IS NOT NULL`,
        [leadId],
      ),
      replies.length === 0 ? [] : this.dataSource.query(
        `SELECT r.id, r.temporal_workflow_id, r.status, v.heard_event_types, t.id AS touch_id, t.provider_message_id
         FROM touches t JOIN runs r ON r.id = t.run_id JOIN playbook_versions v ON v.id = r.playbook_version_id
         WHERE t.lead_id = $1 AND (t.id::text = ANY($2::text[]) OR t.provider_message_id = ANY($3::text[]))`,
        [leadId, replies.flatMap((r) => r.touchId ?? []), replies.flatMap((r) => r.providerMessageId ?? [])],
      ),
    ]);
    return payloads.map(({ replyTo, type }) => {
      const hears = (run: ActiveRun) => run.heard_event_types.includes(type);
      const touch = replyTo && touches.find((t) => (replyTo.touchId && t.touch_id === replyTo.touchId) || (replyTo.providerMessageId && t.provider_message_id === replyTo.providerMessageId));
      if (!touch) return { runs: active.filter(hears), touchId: null };
      return { runs: touch.status === 'active' && touch.temporal_workflow_id && hears(touch) ? [touch] : [], touchId: touch.touch_id };
    });
  }
}

/**
 * The signals each run gets for a lead's events (`targets[i]` is where `payloads[i]` goes), in event order:
 * consecutive events for a run become one `leadEvents` signal; an unsubscribe from every channel becomes an exit
 * between the batches before and after it.
 *
 * @example
 * planRunSignals([open, reply], [{ runs: [a], touchId: null }, { runs: [a], touchId: 't1' }])
 * // → Map { a.temporal_workflow_id => [{ kind: 'leadEvents', payload: { events: [{ event: open… }, { event: reply…, touchId: 't1' }] } }] }
 */
export function planRunSignals(payloads: readonly LeadEventPayload[], targets: readonly LeadEventTarget[]): Map<string, RunSignal[]> {
  const plan = new Map<string, RunSignal[]>();
  payloads.forEach((payload, i) => {
    const { runs, touchId } = targets[i]!;
    const { events, exitReason } = runSignalsOf(payload);
    for (const { temporal_workflow_id: workflowId } of runs) {
      const signals = plan.get(workflowId) ?? [];
      plan.set(workflowId, signals);
      if (exitReason) signals.push({ kind: 'exit', payload: { reason: exitReason } });
      for (const event of events) appendEvent(signals, { event, ...(touchId ? { touchId } : {}) });
    }
  });
  return plan;
}

/** Appends an event to the run's signals: to the last `leadEvents` signal if that is the last one, else as a new one. */
function appendEvent(signals: RunSignal[], event: LeadEventSignalPayload): void {
  const last = signals.at(-1);
  if (last?.kind === 'leadEvents') last.payload.events.push(event);
  else signals.push({ kind: 'leadEvents', payload: { events: [event] } });
}

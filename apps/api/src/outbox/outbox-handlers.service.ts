import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, RunEvent } from '@segflow/playbook';
import { DataSource } from 'typeorm';
import { RunLauncherService } from '../runs/run-launcher.service';
import { RunSignalsService } from '../runs/run-signals.service';
import type { OutboxMessage } from './outbox-message';

type LeadEventPayload = Extract<OutboxMessage, { kind: 'lead_event' }>['payload'];
type ActiveRun = { id: string; temporal_workflow_id: string };

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

  async handle(message: OutboxMessage): Promise<void> {
    switch (message.kind) {
      case 'segment_entered':
        return this.onSegmentEntered(message.payload);
      case 'segment_left':
        return this.onSegmentLeft(message.payload);
      case 'lead_event':
        return this.onLeadEvent(message.payload);
    }
  }

  private async onSegmentEntered(payload: Extract<OutboxMessage, { kind: 'segment_entered' }>['payload']): Promise<void> {
    const [binding]: Array<{ playbook_id: string; holdout_percent: number; status: string }> = await this.dataSource.query(
      `SELECT b.playbook_id, b.holdout_percent, p.status FROM segment_bindings b JOIN playbooks p ON p.id = b.playbook_id WHERE b.segment_id = $1`,
      [payload.segmentId],
    );
    if (!binding || binding.status === 'draft') return;
    const result = await this.launcher.launch({
      leadId: payload.leadId, playbookId: binding.playbook_id, membershipId: payload.membershipId,
      segmentId: payload.segmentId, holdoutPercent: binding.holdout_percent,
    });
    if (result.kind === 'refused') this.logger.log(`segment entry ${payload.membershipId} started no run: ${result.detail}`);
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

  private async onLeadEvent(payload: LeadEventPayload): Promise<void> {
    const { runs, touchId } = await this.targetsOf(payload);
    const { events, exitReason } = runSignalsOf(payload);
    for (const run of runs) {
      if (exitReason) await this.signals.send(run.temporal_workflow_id, { kind: 'exit', payload: { reason: exitReason } });
      for (const event of events) {
        await this.signals.send(run.temporal_workflow_id, { kind: 'leadEvent', payload: { event, ...(touchId ? { touchId } : {}) } });
      }
    }
  }

  /**
   * The runs an event is for. A reply naming the touch it answers goes to that touch's run only, and only if
   * it is still active, so a late reply to an old run never wakes a newer one. Other events go to every
   * active run of the lead.
   */
  private async targetsOf(payload: LeadEventPayload): Promise<{ runs: ActiveRun[]; touchId: string | null }> {
    const replyTo = payload.replyTo;
    if (replyTo?.touchId || replyTo?.providerMessageId) {
      const rows: Array<ActiveRun & { touch_id: string; status: string }> = await this.dataSource.query(
        `SELECT r.id, r.temporal_workflow_id, r.status, t.id AS touch_id FROM touches t JOIN runs r ON r.id = t.run_id
         WHERE t.lead_id = $1 AND (t.id::text = $2 OR t.provider_message_id = $3)`,
        [payload.leadId, replyTo.touchId ?? '', replyTo.providerMessageId ?? ''],
      );
      const row = rows[0];
      if (row) return { runs: row.status === 'active' && row.temporal_workflow_id ? [row] : [], touchId: row.touch_id };
    }
    const runs: ActiveRun[] = await this.dataSource.query(
      `SELECT id, temporal_workflow_id FROM runs WHERE lead_id = $1 AND status = 'active' AND temporal_workflow_id IS NOT NULL`,
      [payload.leadId],
    );
    return { runs, touchId: null };
  }
}

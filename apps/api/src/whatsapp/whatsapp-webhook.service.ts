import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOptOutMessage } from '@segflow/channels';
import {
  findLeadByPhone,
  findWhatsAppTouch,
  markWhatsAppTouchFailed,
  recordInboundMessage,
  suppressUnknownWhatsAppNumber,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import { EventsService } from '../events/events.service';
import { MAX_REPLY_TEXT_CHARS } from '../intent/reply-intent';
import {
  isoOfTimestamp,
  itemsOfWebhook,
  textOfMessage,
  type WhatsAppInboundMessage,
  type WhatsAppStatus,
} from './whatsapp-webhook-payload';

/** What a verified webhook did; the sandbox reads `unmatched` to retry a status that raced the worker's record. */
export interface WhatsAppWebhookOutcome {
  events: number;
  /** Provider ids (wamids) of statuses and messages no touch or lead was found for. */
  unmatched: string[];
  unreadable: number;
}

type EventItem = Record<string, unknown> & { eventId: string };

const EVENT_OF_STATUS = { delivered: 'whatsapp_delivered', read: 'whatsapp_read' } as const;

/**
 * Turns a verified Cloud API webhook into events through the ingest service (idempotent on eventIds derived from
 * Meta's ids, so Meta's retries store nothing twice): `delivered` / `read` statuses become events on the touch,
 * `failed` marks the touch, inbound messages become `whatsapp_reply` carrying their text, whose intent ingest
 * classifies (or `unsubscribe` at once for an opt-out keyword) threaded by `context.id`, else by the sender's number;
 * each inbound message is kept in `inbound_messages`. A STOP from a number that matches no lead suppresses that number.
 */
@Injectable()
export class WhatsAppWebhookService {
  private readonly logger = new Logger(WhatsAppWebhookService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventsService,
  ) {}

  async receive(body: unknown): Promise<WhatsAppWebhookOutcome> {
    const { statuses, messages, unreadable } = itemsOfWebhook(body);
    const outcome: WhatsAppWebhookOutcome = { events: 0, unmatched: [], unreadable };
    const items: EventItem[] = [];
    for (const status of statuses) await this.onStatus(status, items, outcome);
    for (const message of messages) await this.onMessage(message, items, outcome);
    if (items.length) {
      const result = await this.events.ingest(items);
      for (const r of result.results)
        if (r.status === 'rejected')
          this.logger.warn(`WhatsApp webhook event ${items[r.index]!.eventId} rejected: ${JSON.stringify(r)}`);
      outcome.events = result.accepted + result.duplicate;
    }
    return outcome;
  }

  private async onStatus(status: WhatsAppStatus, items: EventItem[], outcome: WhatsAppWebhookOutcome): Promise<void> {
    if (status.status === 'sent') return; // the worker recorded the send already
    const touch = await findWhatsAppTouch(this.db, status.id, status.biz_opaque_callback_data);
    if (!touch) {
      outcome.unmatched.push(status.id);
      return;
    }
    const at = isoOfTimestamp(status.timestamp);
    if (status.status === 'failed') {
      const error = status.errors?.[0];
      await markWhatsAppTouchFailed(
        this.db,
        touch.touchId,
        `whatsapp-failed:${error?.code ?? 'unknown'}${error?.title ? `: ${error.title}` : ''}`,
        at,
      );
      return;
    }
    items.push({
      eventId: `wa-status:${status.id}:${status.status}`,
      type: EVENT_OF_STATUS[status.status],
      leadExternalId: touch.leadExternalId,
      occurredAt: at,
      replyTo: { touchId: touch.touchId, providerMessageId: status.id },
    });
  }

  private async onMessage(
    message: WhatsAppInboundMessage,
    items: EventItem[],
    outcome: WhatsAppWebhookOutcome,
  ): Promise<void> {
    const from = `+${message.from}`;
    const contextId = message.context?.id;
    const touch = contextId ? await findWhatsAppTouch(this.db, contextId) : null;
    const lead = touch ?? (await findLeadByPhone(this.db, from));
    const text = textOfMessage(message);
    const receivedAt = isoOfTimestamp(message.timestamp);
    const details = { type: message.type, ...(contextId ? { contextId } : {}) };
    if (!lead) {
      outcome.unmatched.push(message.id);
      await recordInboundMessage(this.db, {
        channel: 'whatsapp',
        providerId: message.id,
        kind: 'unmatched',
        leadId: null,
        touchId: null,
        fromAddress: from,
        text,
        details,
        eventId: null,
        receivedAt,
      });
      if (isOptOutMessage(text)) await suppressUnknownWhatsAppNumber(this.db, from, `whatsapp:${message.id}`);
      return;
    }
    const optOut = isOptOutMessage(text);
    const eventId = `wa:${message.id}`;
    await recordInboundMessage(this.db, {
      channel: 'whatsapp',
      providerId: message.id,
      kind: optOut ? 'opt_out' : 'reply',
      leadId: lead.leadId,
      touchId: touch?.touchId ?? null,
      fromAddress: from,
      text,
      details,
      eventId,
      receivedAt,
    });
    const replyTo = touch
      ? { replyTo: { touchId: touch.touchId, ...(contextId ? { providerMessageId: contextId } : {}) } }
      : {};
    items.push(
      optOut
        ? {
            eventId,
            type: 'unsubscribe',
            channel: 'whatsapp',
            leadExternalId: lead.leadExternalId,
            occurredAt: receivedAt,
            ...replyTo,
          }
        : {
            eventId,
            type: 'whatsapp_reply',
            leadExternalId: lead.leadExternalId,
            occurredAt: receivedAt,
            ...replyTo,
            // The text rides on the event so ingest classifies its intent (the whole text stays in inbound_messages).
            ...(text ? { properties: { text: text.slice(0, MAX_REPLY_TEXT_CHARS) } } : {}),
          },
    );
  }
}

import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { messageIdsIn, Signer, touchIdOfReplyAddress } from '@segflow/channels';
import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import { EventInput } from '@segflow/scoring';
import { NewInboundMessage, recordInboundMessage } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { SEGFLOW_SIGNER } from '../common/segflow-signer';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventsService } from '../events/events.service';
import { MAX_REPLY_TEXT_CHARS } from '../intent/reply-intent';
import { findTouchById, findTouchByMessageIds, TouchOfLead } from '@segflow/stores';
import { classifyInboundMail, InboundMailClass, isUnsubscribeRequest } from './classify-inbound-mail';
import { stripQuotedReply } from '@segflow/intent';

/** What became of an inbound message. */
export interface InboundMailOutcome {
  kind: NewInboundMessage['kind'];
  providerId: string;
  touchId: string | null;
  eventId: string | null;
  /** The message was recorded before (a retried post or redelivery): nothing new was stored. */
  duplicate: boolean;
}

/**
 * Turns an authenticated inbound email (from the embedded SMTP server or POST /api/inbound/email) into what it
 * means: a reply (`email_reply` event on the touch it answers), an automatic answer (kept, no event), a delivery
 * status notification (`email_bounce`, hard or soft), a List-Unsubscribe `mailto:` (`unsubscribe` on email for the
 * touch's lead) or unmatched mail (kept, no event). Idempotent per Message-ID.
 */
@Injectable()
export class InboundMailService {
  private readonly logger = new Logger(InboundMailService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SEGFLOW_SIGNER) private readonly signer: Signer | null,
  ) {}

  /** `recipients`: the SMTP envelope's, when known (they carry the reply token even when headers were rewritten). */
  async receive(raw: Buffer, recipients: readonly string[] = []): Promise<InboundMailOutcome> {
    const mail = await simpleParser(raw);
    const messageId = messageIdsIn(mail.messageId)[0] ?? `sha256.${createHash('sha256').update(raw).digest('hex')}`;
    const parsed = classifyInboundMail(mail.headers, mail.subject ?? '', raw.toString('latin1'));
    const { touch, threadedBy } = await this.threadOf(mail, recipients, parsed, raw.toString('latin1'));
    // Only the signed reply address proves which touch (and so which lead) the unsubscribe is for.
    const classified: InboundMailClass =
      threadedBy === 'reply-address' && isUnsubscribeRequest(parsed, mail.subject ?? '') ? { kind: 'opt_out' } : parsed;
    const kind: NewInboundMessage['kind'] = touch ? classified.kind : 'unmatched';
    const text = classified.kind === 'reply' ? stripQuotedReply(mail.text ?? '') : (mail.text ?? '').trim();
    const eventId = touch ? await this.recordEvent(touch, classified, messageId, mail, text) : null;
    const inserted = await recordInboundMessage(this.db.manager, {
      channel: 'email',
      providerId: messageId,
      kind,
      leadId: touch?.leadId ?? null,
      touchId: touch?.touchId ?? null,
      fromAddress: firstAddressOf(mail.from),
      subject: mail.subject ?? null,
      text,
      details: { ...detailsOf(classified), threadedBy, recipients, inReplyTo: mail.inReplyTo ?? null },
      eventId,
    });
    return { kind, providerId: messageId, touchId: touch?.touchId ?? null, eventId, duplicate: !inserted };
  }

  // The reply token in a recipient wins; then the Message-IDs the message names (a DSN names the bounced one in
  // its attached headers, which the source holds below the report's own headers).
  private async threadOf(
    mail: ParsedMail,
    recipients: readonly string[],
    classified: InboundMailClass,
    source: string,
  ) {
    if (this.signer) {
      for (const address of [...recipients, ...addressesOf(mail)]) {
        const touchId = touchIdOfReplyAddress(address, this.config.INBOUND_EMAIL_DOMAIN, this.signer);
        const touch = touchId ? await findTouchById(this.db.manager, touchId) : null;
        if (touch) return { touch, threadedBy: 'reply-address' };
      }
    }
    const named = [mail.inReplyTo, ...[mail.references ?? []].flat()].flatMap((header) => messageIdsIn(header));
    if (classified.kind === 'bounce') named.push(...attachedMessageIdsOf(source, mail.messageId));
    const touch = await findTouchByMessageIds(this.db.manager, named);
    return { touch, threadedBy: touch ? 'message-id' : null };
  }

  private async recordEvent(
    touch: TouchOfLead,
    classified: InboundMailClass,
    messageId: string,
    mail: ParsedMail,
    text: string,
  ) {
    if (classified.kind === 'auto_reply') return null;
    const event = eventOf(classified, touch, messageId, mail, text);
    const { type, eventId } = event;
    const response = await this.events.ingest([event]);
    const result = response.results[0];
    if (result?.status === 'rejected') {
      // Our own event was refused (e.g. the lead was deleted meanwhile): keep the message, without an event.
      this.logger.warn(`inbound ${type} ${eventId} not recorded as an event: ${JSON.stringify(result)}`);
      return null;
    }
    return eventId;
  }
}

/** The event an inbound email means (auto-replies have none). */
function eventOf(
  classified: Exclude<InboundMailClass, { kind: 'auto_reply' }>,
  touch: TouchOfLead,
  messageId: string,
  mail: ParsedMail,
  text: string,
): EventInput {
  const common = {
    leadExternalId: touch.leadExternalId,
    occurredAt: new Date().toISOString(),
    replyTo: { touchId: touch.touchId },
  };
  switch (classified.kind) {
    case 'reply':
      return {
        ...common,
        type: 'email_reply',
        eventId: eventIdFor('email', messageId),
        properties: { messageId, subject: mail.subject ?? null, text: text.slice(0, MAX_REPLY_TEXT_CHARS) },
      };
    case 'bounce':
      return {
        ...common,
        type: 'email_bounce',
        eventId: eventIdFor('email-bounce', messageId),
        properties: {
          messageId,
          bounceType: classified.bounceType,
          status: classified.status,
          recipient: classified.recipient,
        },
      };
    case 'opt_out':
      // The same eventId as the one-click link of that touch: either path unsubscribes once.
      return {
        ...common,
        type: 'unsubscribe',
        channel: 'email',
        eventId: `unsubscribe:${touch.touchId}:email`,
        properties: { messageId, source: 'list-unsubscribe-mailto' },
      };
  }
}

/** An eventId (≤ 128 characters) for a Message-ID: the id itself when short enough, else its hash. */
function eventIdFor(prefix: string, messageId: string): string {
  const plain = `${prefix}:${messageId}`;
  return plain.length <= 128 ? plain : `${prefix}:sha256.${createHash('sha256').update(messageId).digest('hex')}`;
}

function detailsOf(classified: InboundMailClass): Record<string, unknown> {
  if (classified.kind === 'auto_reply') return { autoReply: classified.reason };
  if (classified.kind === 'bounce')
    return { bounceType: classified.bounceType, status: classified.status, recipient: classified.recipient };
  return {};
}

function addressesOf(mail: ParsedMail): string[] {
  const objects = [mail.to, mail.cc, mail.headers.get('delivered-to'), mail.headers.get('x-original-to')];
  return objects.flatMap((value) => {
    if (typeof value === 'string') return [value.replace(/^.*<|>.*$/g, '')];
    return [value ?? []]
      .flat()
      .flatMap((o) =>
        (typeof o === 'object' && 'value' in o ? (o as AddressObject).value : []).map((a) => a.address ?? ''),
      );
  });
}

function firstAddressOf(from: AddressObject | undefined): string | null {
  return from?.value[0]?.address?.toLowerCase() ?? null;
}

/** Message-IDs in a DSN's attached original headers (every Message-ID header line but the report's own). */
function attachedMessageIdsOf(source: string, ownMessageId: string | undefined): string[] {
  const own = messageIdsIn(ownMessageId)[0];
  return [...source.matchAll(/^Message-ID:\s*(<[^>\s]+>)/gim)]
    .flatMap((m) => messageIdsIn(m[1]))
    .filter((id) => id !== own);
}

import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Signer, TokenClaims, TokenPurpose, verifyToken } from '@segflow/channels';
import { EventInput } from '@segflow/scoring';
import { DataSource } from 'typeorm';
import { SEGFLOW_SIGNER } from '../common/segflow-signer';
import { EventsService } from '../events/events.service';
import { findTouchById, TouchOfLead } from '@segflow/stores';
import type { PageChannel } from './preference-page';

/**
 * The links Segflow puts in its messages, opened by anyone on the internet: tokens are verified (HMAC over
 * SEGFLOW_SECRET) before anything is read or stored, and what they record goes through the ingest service.
 * Event ids make each fact count once: an unsubscribe per touch and channel, a click per touch and link, an open
 * per touch (privacy proxies and scanners repeat them).
 */
@Injectable()
export class PublicLinksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventsService,
    @Inject(SEGFLOW_SIGNER) private readonly signer: Signer | null,
  ) {}

  /** The verified claims of a token of `purpose` with its touch, or null for anything forged, altered or unknown. */
  async resolve(
    token: string,
    purpose: TokenPurpose,
  ): Promise<{ claims: TokenClaims; touch: TouchOfLead | null } | null> {
    const claims = this.signer ? verifyToken(token, this.signer) : null;
    if (!claims || claims.purpose !== purpose) return null;
    return { claims, touch: await findTouchById(this.db.manager, claims.touchId) };
  }

  async unsubscribe(touch: TouchOfLead, channels: readonly PageChannel[], source: string): Promise<void> {
    await this.record(
      channels.map((channel) => ({
        type: 'unsubscribe' as const,
        channel,
        eventId: `unsubscribe:${touch.touchId}:${channel}`,
        leadExternalId: touch.leadExternalId,
        occurredAt: new Date().toISOString(),
        replyTo: { touchId: touch.touchId },
        properties: { source },
      })),
    );
  }

  async click(touch: TouchOfLead, url: string): Promise<void> {
    const link = createHash('sha256').update(url).digest('hex').slice(0, 16);
    await this.record([this.emailEvent('email_click', `email-click:${touch.touchId}:${link}`, touch, { url })]);
  }

  async open(touch: TouchOfLead): Promise<void> {
    await this.record([this.emailEvent('email_open', `email-open:${touch.touchId}`, touch, {})]);
  }

  private emailEvent(
    type: 'email_click' | 'email_open',
    eventId: string,
    touch: TouchOfLead,
    properties: Record<string, unknown>,
  ): EventInput {
    return {
      type,
      eventId,
      leadExternalId: touch.leadExternalId,
      occurredAt: new Date().toISOString(),
      replyTo: { touchId: touch.touchId },
      properties,
    };
  }

  private async record(events: EventInput[]): Promise<void> {
    const response = await this.events.ingest(events);
    const rejected = response.results.find((r) => r.status === 'rejected');
    if (rejected) throw new Error(`public link event refused by ingest: ${JSON.stringify(rejected)}`);
  }
}

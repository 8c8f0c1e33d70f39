import { createHash } from 'node:crypto';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { LoggedReply, LogLinkedInReplyRequest } from '@segflow/api-contracts';
import type { EventInput } from '@segflow/scoring';
import { listLeads } from '@segflow/stores';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/principal';
import { isUuid } from '@segflow/api-contracts';
import { EventsService } from '../events/events.service';
import { storedIntentOf, withReplyIntent } from '../intent/reply-intent';
import { LeadAccessService } from '../leads/lead-access.service';

/** Replies reps copy from LinkedIn into Segflow, recorded like any reply: through ingest, which classifies them. */
@Injectable()
export class LinkedInRepliesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccessService,
    private readonly events: EventsService,
  ) {}

  /**
   * 404 for an unknown lead, 403 for a rep's lead that is not theirs, 400 for an `occurredAt` ingest refuses (ahead of
   * the clock); the same text at the same time is logged once.
   */
  async logOrThrow(
    user: SessionUser,
    leadId: string,
    request: LogLinkedInReplyRequest,
    now = new Date(),
  ): Promise<LoggedReply> {
    const [lead] = isUuid(leadId) ? await listLeads(this.dataSource.manager, { id: leadId, limit: 1, offset: 0 }) : [];
    if (!lead) throw new NotFoundException(`lead ${leadId} not found`);
    await this.access.assertVisibleOrThrow(user, lead.id);
    const occurredAt = request.occurredAt ?? now.toISOString();
    const digest = createHash('sha256').update(`${occurredAt}\n${request.text}`).digest('hex').slice(0, 32);
    const event: EventInput = {
      eventId: `linkedin:${lead.id}:${digest}`,
      type: 'linkedin_reply',
      leadExternalId: lead.external_id,
      occurredAt,
      properties: { text: request.text, loggedBy: user.id },
    };
    const [result] = (await this.events.ingest([event])).results;
    if (result?.status === 'rejected')
      throw new BadRequestException({ message: 'invalid request body', issues: result.issues });
    // Ingest classified the same text the same way; this is what it stored.
    return { eventId: event.eventId, intent: storedIntentOf(withReplyIntent(event)) };
  }
}

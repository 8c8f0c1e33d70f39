import { Injectable, NotFoundException } from '@nestjs/common';
import { findFeatures, findLead, listLeads, listMembershipsOfLead, listRecentEvents } from '@segflow/stores';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/principal';
import { isUuid } from '@segflow/api-contracts';
import { LeadAccessService } from '../leads/lead-access.service';
import { mapLead } from '../leads/lead.dto';
import { LeadPropensityService } from '../propensity/lead-propensity.service';
import { LeadDetailDto } from './lead-detail.dto';
import { namedFeatures, vectorOf } from '@segflow/scoring/features';

const RECENT_EVENTS = 50;

@Injectable()
export class LeadDetailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccessService,
    private readonly propensity: LeadPropensityService,
  ) {}

  /** By id, or by externalId when the key is not a uuid; 403 when `user` is a rep and the lead is not theirs. */
  async getOrThrow(user: SessionUser, key: string, now: Date = new Date()): Promise<LeadDetailDto> {
    const db = this.dataSource.manager;
    const lead = await findLead(db, isUuid(key) ? { id: key } : { externalId: key });
    if (!lead) throw new NotFoundException(`lead ${key} not found`);
    await this.access.assertVisibleOrThrow(user, lead.id);
    const [[listed], features, memberships, events, probabilities] = await Promise.all([
      listLeads(db, { id: lead.id, limit: 1, offset: 0 }),
      findFeatures(db, lead.id),
      listMembershipsOfLead(db, lead.id),
      listRecentEvents(db, lead.id, RECENT_EVENTS),
      this.propensity.probabilitiesOf([lead.id], now),
    ]);
    const open = memberships.find((m) => m.left_at === null);
    return {
      ...mapLead(listed, probabilities.get(lead.id) ?? null),
      segment: open
        ? { id: open.segment_id, name: open.name, colour: open.colour, enteredAt: open.entered_at.toISOString() }
        : null,
      features: features ? namedFeatures(vectorOf(features.state, lead, now)) : null,
      eventCount: features?.event_count ?? 0,
      convertedAt: features?.converted_at?.toISOString() ?? null,
      memberships: memberships.map((m) => ({
        membershipId: m.id,
        segmentId: m.segment_id,
        segmentName: m.name,
        enteredAt: m.entered_at.toISOString(),
        exitedAt: m.left_at?.toISOString() ?? null,
        reason: m.enter_reason,
        exitReason: m.leave_reason,
        triggerEventId: m.trigger_event_id,
      })),
      events: events.map((e) => ({
        eventId: e.event_id,
        type: e.type,
        occurredAt: e.occurred_at.toISOString(),
        receivedAt: e.received_at.toISOString(),
        channel: e.data.channel ?? /^(email|whatsapp|linkedin)_/.exec(e.type)?.[1] ?? null,
        properties: { ...e.data.properties, ...withoutProperties(e.data) },
      })),
    };
  }
}

function withoutProperties(data: Record<string, unknown>): Record<string, unknown> {
  const { properties: _properties, ...rest } = data;
  return rest;
}

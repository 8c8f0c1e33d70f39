import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { SessionUser } from '../auth/principal';
import { LeadEntity } from '../database/lead.entity';
import { queryListedLeads } from './list-leads.sql';

/**
 * The rep a user's view of leads is limited to, or undefined when they see every lead. Reps see the leads they own
 * and those with an open task assigned to them (the rule itself lives in LIST_LEADS_SQL); ops, managers and admins
 * see all leads, as before.
 */
export function leadScopeOf(user: SessionUser): string | undefined {
  return user.role === 'rep' ? user.id : undefined;
}

/** Answers "may this user see this lead?" with the same SQL that lists leads, so the two never disagree. */
@Injectable()
export class LeadAccessService {
  constructor(@InjectRepository(LeadEntity) private readonly leads: Repository<LeadEntity>) {}

  async assertVisibleOrThrow(user: SessionUser, leadId: string): Promise<void> {
    const visibleTo = leadScopeOf(user);
    if (visibleTo === undefined) return;
    const [visible] = await queryListedLeads(this.leads, { id: leadId, visibleTo, limit: 1, offset: 0 });
    if (!visible) throw new ForbiddenException(`lead ${leadId} is not yours: reps see the leads they own or have an open task for`);
  }
}

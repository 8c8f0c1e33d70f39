import { ForbiddenException, Injectable } from '@nestjs/common';
import { listLeads } from '@segflow/stores';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/principal';

/**
 * The rep a user's view of leads is limited to, or undefined when they see every lead. Reps see the leads they own
 * and those with an open task assigned to them (the rule itself lives in listLeads); ops, managers and admins
 * see all leads, as before.
 */
export function leadScopeOf(user: SessionUser): string | undefined {
  return user.role === 'rep' ? user.id : undefined;
}

/** Answers "may this user see this lead?" with the same SQL that lists leads, so the two never disagree. */
@Injectable()
export class LeadAccessService {
  constructor(private readonly dataSource: DataSource) {}

  async assertVisibleOrThrow(user: SessionUser, leadId: string): Promise<void> {
    const visibleTo = leadScopeOf(user);
    if (visibleTo === undefined) return;
    const [visible] = await listLeads(this.dataSource.manager, { id: leadId, visibleTo, limit: 1, offset: 0 });
    if (!visible)
      throw new ForbiddenException(`lead ${leadId} is not yours: reps see the leads they own or have an open task for`);
  }
}

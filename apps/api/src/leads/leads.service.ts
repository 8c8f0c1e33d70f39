import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FieldIssue, formatIssues, LeadInput, leadInputSchema } from '@segflow/scoring';
import { Repository } from 'typeorm';
import { LeadEntity } from '../database/lead.entity';
import { DIRECT_START_TIMEOUT_MS, enqueueWorkflowStarts, markWorkflowsStarted } from '../outbox/workflow-starts';
import { LeadIntakeStarter } from './lead-intake-starter';
import { LeadDto, mapLead } from './lead.dto';
import { ListLeadsFilter, queryListedLeads } from './list-leads.sql';
import { UPSERT_LEADS_SQL } from './upsert-leads.sql';

export const MAX_LEADS_PER_BATCH = 1_000;
export const MAX_LEADS_PAGE = 200;

/** A lead the upsert wrote; `outboxId` is its `lead_intake` row when it was inserted. */
type WrittenLead = { id: string; external_id: string; inserted: boolean; outboxId: string | null };

export type LeadItemResult =
  | { index: number; status: 'created' | 'updated'; id: string; externalId: string }
  | { index: number; status: 'rejected'; issues: FieldIssue[] };

@Injectable()
export class LeadsService {
  private readonly logger = new Logger(LeadsService.name);

  constructor(
    @InjectRepository(LeadEntity) private readonly leads: Repository<LeadEntity>,
    private readonly intake: LeadIntakeStarter,
  ) {}

  /**
   * Validates each item on its own, upserts the valid ones in one statement, and starts intake for new leads: an
   * outbox row per new lead is written with it, so an intake Temporal could not take now starts once it can.
   */
  async upsert(items: unknown[]): Promise<LeadItemResult[]> {
    const results: LeadItemResult[] = [];
    const valid = new Map<string, { index: number; lead: LeadInput }>();
    items.forEach((item, index) => {
      const parsed = leadInputSchema.safeParse(item);
      if (!parsed.success) results.push({ index, status: 'rejected', issues: formatIssues(parsed.error) });
      else {
        const earlier = valid.get(parsed.data.externalId);
        if (earlier) results.push({ index: earlier.index, status: 'rejected', issues: [{ field: 'externalId', reason: `repeated later in the batch at index ${index}; the later item wins` }] });
        valid.set(parsed.data.externalId, { index, lead: parsed.data });
      }
    });
    const rows = await this.writeBatch([...valid.values()].map((v) => v.lead));
    for (const row of rows) {
      const { index } = valid.get(row.external_id)!;
      results.push({ index, status: row.inserted ? 'created' : 'updated', id: row.id, externalId: row.external_id });
    }
    const started = await Promise.all(rows.filter((r) => r.inserted).map((r) => this.startIntake(r)));
    await markWorkflowsStarted(this.leads.manager, started.filter((id): id is string => id !== null));
    return results.sort((a, b) => a.index - b.index);
  }

  async list(filter: ListLeadsFilter): Promise<LeadDto[]> {
    return (await queryListedLeads(this.leads, filter)).map(mapLead);
  }

  /** Upserts the leads and writes a `lead_intake` outbox row per inserted one, in one transaction. */
  private async writeBatch(leads: LeadInput[]): Promise<WrittenLead[]> {
    if (!leads.length) return [];
    const rows = leads.map((l) => ({
      external_id: l.externalId, name: l.name, email: l.email, phone: l.phone, linkedin_url: l.linkedinUrl,
      company: l.company, industry: l.industry, headcount: l.headcount, revenue_band: l.revenueBand,
      funding_stage: l.fundingStage, city: l.city, country: l.country, timezone: l.timezone, owner_id: l.ownerId, consent: l.consent,
    }));
    return this.leads.manager.transaction(async (manager) => {
      const written: Omit<WrittenLead, 'outboxId'>[] = await manager.query(UPSERT_LEADS_SQL, [JSON.stringify(rows)]);
      const inserted = written.filter((r) => r.inserted);
      const outboxIds = await enqueueWorkflowStarts(manager, inserted.map((r) => ({ kind: 'lead_intake', payload: { leadId: r.id } })));
      const outboxIdOf = new Map(inserted.map((r, i) => [r.id, outboxIds[i]!]));
      return written.map((r) => ({ ...r, outboxId: outboxIdOf.get(r.id) ?? null }));
    });
  }

  // The lead and its outbox row are stored whatever happens here: a Temporal outage only delays the intake. Returns
  // the lead's outbox row when the intake started (the caller marks them all delivered in one statement), else null.
  private async startIntake(lead: WrittenLead): Promise<string | null> {
    try {
      await this.intake.start(lead.id, DIRECT_START_TIMEOUT_MS);
      return lead.outboxId;
    } catch (error) {
      this.logger.warn(`intake workflow for lead ${lead.id} not started now (${(error as Error).message}); the outbox starts it once Temporal answers`);
      return null;
    }
  }
}

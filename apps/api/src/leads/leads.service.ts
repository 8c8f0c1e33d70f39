import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuditActor } from '@segflow/api-contracts';
import {
  attributeValuesIssues,
  FieldIssue,
  formatIssues,
  LeadInput,
  leadInputSchema,
  RULE_FIRMOGRAPHIC_FIELDS,
} from '@segflow/scoring';
import {
  LeadUpsertRow,
  listLeadAttributes,
  ListLeadsFilter,
  listLeads,
  recordAuditEntries,
  SYSTEM_ACTOR,
  UpsertedLeadRow,
  upsertLeads,
  type AuditEntryInput,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { lockLeadsForUpsert, reevaluateLeadsRuleSegments } from '../segments/reevaluate-rule-segments';
import type { RuleLeadColumns } from '../segments/rule-segment-decision';
import { storeRefusalIssue, writeIsolatingItemFaults } from '../common/isolate-item-faults';
import { consentWarnings, optInIssues, recordOptIns, recordWithdrawnConsents } from '../consent/lead-consent';
import { enqueueWorkflowStarts, markWorkflowsStarted } from '@segflow/stores';
import { activeTraceparent } from '../tracing/trace-context';
import { DIRECT_START_TIMEOUT_MS } from '../temporal/direct-start-timeout';
import { LeadPropensityService } from '../propensity/lead-propensity.service';
import { LeadIntakeStarter } from './lead-intake-starter';
import { LeadDto, mapLead } from './lead.dto';

export const MAX_LEADS_PER_BATCH = 1_000;
export const MAX_LEADS_PAGE = 200;

/** A lead the upsert wrote; `outboxId` is its `lead_intake` row when it was inserted. */
type WrittenLead = UpsertedLeadRow & { outboxId: string | null };

/** Who writes the leads, for the audit log: the caller, and where the write came from (`api:leads`, an import). */
export interface LeadWriter {
  actor: AuditActor;
  source: string;
}

/**
 * `warnings` name item fields that were accepted but not applied: a `consent` flag that would re-grant a channel the
 * lead opted out of, an opt-in not later than the opt-out.
 */
export type LeadItemResult =
  | { index: number; status: 'created' | 'updated'; id: string; externalId: string; warnings?: FieldIssue[] }
  | { index: number; status: 'rejected'; issues: FieldIssue[] };

@Injectable()
export class LeadsService {
  private readonly logger = new Logger(LeadsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: LeadIntakeStarter,
    private readonly propensity: LeadPropensityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Validates each item on its own, upserts the valid ones in one statement with their opt-ins and an outbox row per
   * new lead (split until only the guilty lead fails when PostgreSQL refuses one), and starts intake for new leads:
   * an intake Temporal could not take now starts from the outbox once it can. `startIntakeNow: false` (CSV imports)
   * leaves every intake to the outbox dispatcher, so a chunk of new leads does not wait for as many workflow starts.
   * Consent and owner changes are audited as the `writer`'s.
   */
  async upsert(
    items: unknown[],
    now = new Date(),
    { startIntakeNow = true, writer = { actor: SYSTEM_ACTOR, source: 'api:leads' } as LeadWriter } = {},
  ): Promise<LeadItemResult[]> {
    const results: LeadItemResult[] = [];
    const valid = new Map<string, { index: number; lead: LeadInput }>();
    const attributeSchema = await listLeadAttributes(this.dataSource.manager);
    items.forEach((item, index) => {
      const parsed = leadInputSchema.safeParse(item);
      const issues = parsed.success
        ? [...optInIssues(parsed.data, now), ...attributeValuesIssues(attributeSchema, parsed.data.attributes ?? {})]
        : formatIssues(parsed.error);
      if (!parsed.success || issues.length) results.push({ index, status: 'rejected', issues });
      else {
        const earlier = valid.get(parsed.data.externalId);
        if (earlier)
          results.push({
            index: earlier.index,
            status: 'rejected',
            issues: [
              { field: 'externalId', reason: `repeated later in the batch at index ${index}; the later item wins` },
            ],
          });
        valid.set(parsed.data.externalId, { index, lead: parsed.data });
      }
    });
    const optInWarnings = new Map<number, FieldIssue[]>();
    const written = await writeIsolatingItemFaults(
      [...valid.values()],
      (part) => this.writeWithOptIns(part, optInWarnings, now, writer),
      ({ index }, error) =>
        ({ index, status: 'rejected', issues: [storeRefusalIssue(error)] }) satisfies LeadItemResult,
    );
    const rows = written.flatMap((row) => ('status' in row ? (results.push(row), []) : [row]));
    for (const row of rows) {
      const { index, lead } = valid.get(row.external_id)!;
      const warnings = consentWarnings(lead, row.consent, optInWarnings.get(index) ?? []);
      results.push({
        index,
        status: row.inserted ? 'created' : 'updated',
        id: row.id,
        externalId: row.external_id,
        ...(warnings.length ? { warnings } : {}),
      });
    }
    if (!startIntakeNow) return results.sort((a, b) => a.index - b.index);
    const started = await Promise.all(rows.filter((r) => r.inserted).map((r) => this.startIntake(r)));
    await markWorkflowsStarted(
      this.dataSource.manager,
      started.filter((id): id is string => id !== null),
    );
    return results.sort((a, b) => a.index - b.index);
  }

  async list(filter: ListLeadsFilter, now: Date = new Date()): Promise<LeadDto[]> {
    const rows = await listLeads(this.dataSource.manager, filter);
    const probabilities = await this.propensity.probabilitiesOf(
      rows.map((r) => r.id),
      now,
    );
    return rows.map((row) => mapLead(row, probabilities.get(row.id) ?? null));
  }

  /**
   * One transaction: the leads, their opt-ins (whose warnings land in `warnings` by item index), the audit entries of
   * owner changes, a `lead_intake` outbox row per inserted lead, and the rule segment moves of the leads given a field
   * rules read (membership and outbox rows, as on ingest).
   */
  private writeWithOptIns(
    part: readonly { index: number; lead: LeadInput }[],
    warnings: Map<number, FieldIssue[]>,
    now: Date,
    writer: LeadWriter,
  ): Promise<WrittenLead[]> {
    const rows = part.map((v) => leadUpsertRowOf(v.lead));
    const ruleRelevant = new Set(rows.filter(setsRuleFacts).map((r) => r.external_id));
    return this.dataSource.transaction(async (manager) => {
      await lockLeadsForUpsert(
        manager,
        rows.map((r) => r.external_id),
        ruleRelevant.size > 0,
      );
      const written = await upsertLeads(manager, rows);
      await recordAuditEntries(manager, ownerChangesOf(written, writer));
      const byExternalId = new Map(part.map((v) => [v.lead.externalId, v]));
      await recordWithdrawnConsents(
        manager,
        written,
        new Map(part.map((v) => [v.lead.externalId, v.lead])),
        now,
        writer.actor,
      );
      const optIns = written.flatMap((row) => {
        const { index, lead } = byExternalId.get(row.external_id)!;
        return (lead.optIns ?? []).map((o, optInIndex) => ({
          itemIndex: index,
          optInIndex,
          leadId: row.id,
          channel: o.channel,
          at: o.at,
          source: `api:${o.source ?? 'leads'}`,
        }));
      });
      for (const [index, issues] of await recordOptIns(manager, optIns, writer.actor)) warnings.set(index, issues);
      const inserted = written.filter((r) => r.inserted);
      const traceparent = activeTraceparent();
      const outboxIds = await enqueueWorkflowStarts(
        manager,
        inserted.map((r) => ({ kind: 'lead_intake', payload: { leadId: r.id, traceparent } })),
      );
      const outboxIdOf = new Map(inserted.map((r, i) => [r.id, outboxIds[i]!]));
      await reevaluateLeadsRuleSegments(
        manager,
        written.filter((r) => ruleRelevant.has(r.external_id)).map((r) => r.id),
        { now, margin: this.config.SEGMENT_HYSTERESIS },
      );
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
      this.logger.warn({
        msg: `intake workflow for lead ${lead.id} not started now (${(error as Error).message}); the outbox starts it once Temporal answers`,
        leadId: lead.id,
      });
      return null;
    }
  }
}

// The lead columns rule conditions read (the fit feature reads the firmographics too).
const RULE_FACT_COLUMNS = [
  ...RULE_FIRMOGRAPHIC_FIELDS,
  'attributes',
] as const satisfies readonly (keyof RuleLeadColumns & keyof LeadUpsertRow)[];

/** Whether an upsert of this row may change what rule segments read of its lead. */
function setsRuleFacts(row: LeadUpsertRow): boolean {
  return RULE_FACT_COLUMNS.some((column) => row[column] !== undefined);
}

/**
 * The audit entries of the known leads whose owner this upsert changed; a new lead's first owner, or an owner
 * repeated, is no change. All of a batch go in one statement.
 */
export function ownerChangesOf(written: readonly UpsertedLeadRow[], writer: LeadWriter): AuditEntryInput[] {
  return written
    .filter((row) => !row.inserted && row.owner_id !== row.prior_owner_id)
    .map((row) => ({
      actor: writer.actor,
      action: 'lead.reassigned',
      entityType: 'lead',
      entityId: row.id,
      before: { ownerId: row.prior_owner_id },
      after: { ownerId: row.owner_id, source: writer.source },
    }));
}

/** A validated lead in the leads store's column names. */
export function leadUpsertRowOf(l: LeadInput): LeadUpsertRow {
  return {
    external_id: l.externalId,
    name: l.name,
    email: l.email,
    phone: l.phone,
    linkedin_url: l.linkedinUrl,
    company: l.company,
    industry: l.industry,
    headcount: l.headcount,
    revenue_band: l.revenueBand,
    funding_stage: l.fundingStage,
    city: l.city,
    country: l.country,
    timezone: l.timezone,
    owner_id: l.ownerId,
    consent: l.consent,
    attributes: l.attributes,
  };
}

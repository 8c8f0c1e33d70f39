import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AuditActor,
  CreateLeadAttributeRequest,
  LeadAttributeDto,
  UpdateLeadAttributeRequest,
} from '@segflow/api-contracts';
import { validatePlaybook, type Playbook } from '@segflow/playbook';
import {
  formatIssues,
  LEAD_ATTRIBUTE_LIMITS,
  leadAttributeChangeSchema,
  leadAttributeDefinitionSchema,
  ruleAttributeIssues,
  type LeadAttributeDefinition,
} from '@segflow/scoring';
import {
  countLeadsPerAttribute,
  countLeadsWithAttribute,
  deleteLeadAttribute,
  insertLeadAttribute,
  listLeadAttributes,
  listLiveVersions,
  listRuleSegments,
  lockLeadAttributes,
  recordAuditEntry,
  removeAttributeValues,
  updateLeadAttribute,
  type Queryable,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import { acceptsContract } from '../common/accepts-contract';

export const createLeadAttributeSchema = acceptsContract<CreateLeadAttributeRequest>()(leadAttributeDefinitionSchema);
export const updateLeadAttributeSchema = acceptsContract<UpdateLeadAttributeRequest>()(leadAttributeChangeSchema);

const audited = (
  actor: AuditActor,
  action: 'leadAttribute.created' | 'leadAttribute.updated' | 'leadAttribute.deleted',
  key: string,
  before: object | null,
  after: object | null,
) => ({
  actor,
  action,
  entityType: 'leadAttribute',
  entityId: key,
  before: before && { ...before },
  after: after && { ...after },
});

const playbookIssueCount = (graph: Playbook, leadAttributes: readonly LeadAttributeDefinition[]) =>
  validatePlaybook(graph, { leadAttributes }).length;

/**
 * 409 naming what reads the attribute in a way the schema `after` would break: live rule segments, and playbook
 * versions runs use or start on (their templates and branches were checked against the schema at publish).
 */
async function refuseBrokenReaders(
  tx: Queryable,
  key: string,
  before: readonly LeadAttributeDefinition[],
  after: readonly LeadAttributeDefinition[],
): Promise<void> {
  const rules = (await listRuleSegments(tx))
    .filter((s) => ruleAttributeIssues(s.rule, after).length > ruleAttributeIssues(s.rule, before).length)
    .map((s) => `rule segment "${s.name}"`);
  const versions = (await listLiveVersions(tx))
    .filter((v) => playbookIssueCount(v.graph, after) > playbookIssueCount(v.graph, before))
    .map((v) => `playbook "${v.playbookName}" v${v.version}`);
  const readers = [...rules, ...versions];
  if (readers.length)
    throw new ConflictException({
      message: `${key} is read by ${readers.join(', ')}: change or retire those first`,
      readers,
    });
}

/** The workspace's schema of custom lead attributes; every change is audited in its own transaction. */
@Injectable()
export class LeadAttributesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<LeadAttributeDto[]> {
    const [schema, counts] = await Promise.all([listLeadAttributes(this.db), countLeadsPerAttribute(this.db)]);
    return schema.map((a) => ({ ...a, leadsWithValue: counts.get(a.key) ?? 0 }));
  }

  async createOrThrow(input: LeadAttributeDefinition, actor: AuditActor): Promise<LeadAttributeDto> {
    return this.db.transaction(async (tx) => {
      const schema = await lockLeadAttributes(tx);
      if (schema.length >= LEAD_ATTRIBUTE_LIMITS.attributes)
        throw new UnprocessableEntityException(
          `a workspace has at most ${LEAD_ATTRIBUTE_LIMITS.attributes} lead attributes: delete one first`,
        );
      const row = await insertLeadAttribute(tx, input);
      if (!row) throw new ConflictException(`attribute ${input.key} exists`);
      await recordAuditEntry(tx, audited(actor, 'leadAttribute.created', row.key, null, row));
      return { ...row, leadsWithValue: 0 };
    });
  }

  /**
   * A label can always change. A new type is refused while leads hold values (their values would no longer fit), and
   * an enum may lose only values no lead holds: both 409 with the count, so no value is lost silently. A change that
   * a rule segment's or live playbook version's reading of the attribute would no longer fit is refused too (409).
   */
  async updateOrThrow(key: string, change: UpdateLeadAttributeRequest, actor: AuditActor): Promise<LeadAttributeDto> {
    return this.db.transaction(async (tx) => {
      const schema = await lockLeadAttributes(tx);
      const before = schema.find((a) => a.key === key);
      if (!before) throw new NotFoundException(`no lead attribute ${key}`);
      const after = { ...before, ...change, values: change.values ?? before.values };
      if (after.type !== 'enum') after.values = [];
      const parsed = leadAttributeDefinitionSchema.safeParse(after);
      if (!parsed.success)
        throw new UnprocessableEntityException({
          message: 'invalid lead attribute',
          issues: formatIssues(parsed.error),
        });
      const holding = await countLeadsWithAttribute(tx, key);
      if (after.type !== before.type && holding > 0)
        throw new ConflictException(
          `${holding} lead(s) hold a ${before.type} value for ${key}: its type cannot change while they do (delete the attribute with dropValues=true, or clear the values, first)`,
        );
      if (after.type === 'enum') {
        const outside = await countLeadsWithAttribute(tx, key, after.values);
        if (outside > 0)
          throw new ConflictException(
            `${outside} lead(s) hold a value of ${key} that is no longer allowed: keep those values, or change the leads first`,
          );
      }
      await refuseBrokenReaders(
        tx,
        key,
        schema,
        schema.map((a) => (a.key === key ? after : a)),
      );
      const row = (await updateLeadAttribute(tx, after))!;
      await recordAuditEntry(tx, audited(actor, 'leadAttribute.updated', key, before, row));
      return { ...row, leadsWithValue: holding };
    });
  }

  /**
   * Refused (409) while a rule segment or a live playbook version reads the attribute, and (409, with the count) while
   * leads hold values, unless `dropValues`: then their values go too (audited).
   */
  async removeOrThrow(key: string, dropValues: boolean, actor: AuditActor): Promise<void> {
    await this.db.transaction(async (tx) => {
      const schema = await lockLeadAttributes(tx);
      const before = schema.find((a) => a.key === key);
      if (!before) throw new NotFoundException(`no lead attribute ${key}`);
      await refuseBrokenReaders(
        tx,
        key,
        schema,
        schema.filter((a) => a.key !== key),
      );
      const holding = await countLeadsWithAttribute(tx, key);
      if (holding > 0 && !dropValues)
        throw new ConflictException(
          `${holding} lead(s) hold a value for ${key}: delete with dropValues=true to remove those values too`,
        );
      const droppedValues = holding > 0 ? await removeAttributeValues(tx, key) : 0;
      await deleteLeadAttribute(tx, key);
      await recordAuditEntry(tx, audited(actor, 'leadAttribute.deleted', key, before, { droppedValues }));
    });
  }
}

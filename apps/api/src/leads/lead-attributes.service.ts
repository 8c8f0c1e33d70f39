import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AuditActor,
  CreateLeadAttributeRequest,
  LeadAttributeDto,
  UpdateLeadAttributeRequest,
} from '@segflow/api-contracts';
import {
  formatIssues,
  LEAD_ATTRIBUTE_LIMITS,
  leadAttributeChangeSchema,
  leadAttributeDefinitionSchema,
  type LeadAttributeDefinition,
} from '@segflow/scoring';
import {
  countLeadsPerAttribute,
  countLeadsWithAttribute,
  deleteLeadAttribute,
  insertLeadAttribute,
  listLeadAttributes,
  lockLeadAttributes,
  recordAuditEntry,
  removeAttributeValues,
  updateLeadAttribute,
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
   * an enum may lose only values no lead holds: both 409 with the count, so no value is lost silently.
   */
  async updateOrThrow(key: string, change: UpdateLeadAttributeRequest, actor: AuditActor): Promise<LeadAttributeDto> {
    return this.db.transaction(async (tx) => {
      const before = (await lockLeadAttributes(tx)).find((a) => a.key === key);
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
      const row = (await updateLeadAttribute(tx, after))!;
      await recordAuditEntry(tx, audited(actor, 'leadAttribute.updated', key, before, row));
      return { ...row, leadsWithValue: holding };
    });
  }

  /** Refused (409, with the count) while leads hold values, unless `dropValues`: then their values go too (audited). */
  async removeOrThrow(key: string, dropValues: boolean, actor: AuditActor): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = (await lockLeadAttributes(tx)).find((a) => a.key === key);
      if (!before) throw new NotFoundException(`no lead attribute ${key}`);
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

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  deleteSlaPolicy,
  insertSlaPolicy,
  listSlaPolicies,
  lockSlaPolicy,
  recordAuditEntry,
  updateSlaPolicy,
  type SlaPolicyFields,
  type SlaPolicyRow,
} from '@segflow/stores';
import type { AuditActor } from '@segflow/api-contracts';
import { DataSource } from 'typeorm';
import { mapSlaPolicy, SlaPolicyDto, SlaPolicyInput } from './sla-policy.dto';

const UNIQUE_VIOLATION = '23505';

const toFields = (input: SlaPolicyInput): SlaPolicyFields => ({
  segment_id: input.segmentId,
  playbook_id: input.playbookId,
  first_touch_minutes: input.firstTouchWithinMinutes,
  clock: input.clock,
  calendar: input.calendar,
  reassign_on_breach: input.reassignOnBreach,
});

const audited = (
  actor: AuditActor,
  action: 'slaPolicy.created' | 'slaPolicy.updated' | 'slaPolicy.deleted',
  id: string,
  before: SlaPolicyRow | null,
  after: SlaPolicyRow | null,
) => ({
  actor,
  action,
  entityType: 'slaPolicy',
  entityId: id,
  before: before && { ...before },
  after: after && { ...after },
});

/** First-touch SLA policies: one per segment, optionally one per (segment, playbook) that overrides it. */
@Injectable()
export class SlaPoliciesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<SlaPolicyDto[]> {
    return (await listSlaPolicies(this.db)).map(mapSlaPolicy);
  }

  async createOrThrow(input: SlaPolicyInput, actor: AuditActor): Promise<SlaPolicyDto> {
    try {
      return await this.db.transaction(async (manager) => {
        const row = await insertSlaPolicy(manager, toFields(input));
        await recordAuditEntry(manager, audited(actor, 'slaPolicy.created', row.id, null, row));
        return mapSlaPolicy(row);
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION)
        throw new ConflictException('this segment (and playbook) already has a policy: update it');
      throw error;
    }
  }

  async updateOrThrow(id: string, input: SlaPolicyInput, actor: AuditActor): Promise<SlaPolicyDto> {
    return this.db.transaction(async (manager) => {
      const before = await lockSlaPolicy(manager, id);
      const row = before && (await updateSlaPolicy(manager, id, toFields(input)));
      if (!row) throw new NotFoundException(`no SLA policy ${id}`);
      await recordAuditEntry(manager, audited(actor, 'slaPolicy.updated', id, before, row));
      return mapSlaPolicy(row);
    });
  }

  async removeOrThrow(id: string, actor: AuditActor): Promise<void> {
    await this.db.transaction(async (manager) => {
      const before = await lockSlaPolicy(manager, id);
      if (!before || !(await deleteSlaPolicy(manager, id))) throw new NotFoundException(`no SLA policy ${id}`);
      await recordAuditEntry(manager, audited(actor, 'slaPolicy.deleted', id, before, null));
    });
  }
}

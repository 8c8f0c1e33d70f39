import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  deleteSlaPolicy,
  insertSlaPolicy,
  listSlaPolicies,
  updateSlaPolicy,
  type SlaPolicyFields,
} from '@segflow/stores';
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

/** First-touch SLA policies: one per segment, optionally one per (segment, playbook) that overrides it. */
@Injectable()
export class SlaPoliciesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<SlaPolicyDto[]> {
    return (await listSlaPolicies(this.db)).map(mapSlaPolicy);
  }

  async createOrThrow(input: SlaPolicyInput): Promise<SlaPolicyDto> {
    try {
      return mapSlaPolicy(await insertSlaPolicy(this.db, toFields(input)));
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION)
        throw new ConflictException('this segment (and playbook) already has a policy: update it');
      throw error;
    }
  }

  async updateOrThrow(id: string, input: SlaPolicyInput): Promise<SlaPolicyDto> {
    const row = await updateSlaPolicy(this.db, id, toFields(input));
    if (!row) throw new NotFoundException(`no SLA policy ${id}`);
    return mapSlaPolicy(row);
  }

  async removeOrThrow(id: string): Promise<void> {
    if (!(await deleteSlaPolicy(this.db, id))) throw new NotFoundException(`no SLA policy ${id}`);
  }
}

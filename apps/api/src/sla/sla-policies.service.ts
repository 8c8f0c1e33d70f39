import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { mapSlaPolicy, SlaPolicyDto, SlaPolicyInput, SlaPolicyRow } from './sla-policy.dto';

const UNIQUE_VIOLATION = '23505';

/** First-touch SLA policies: one per segment, optionally one per (segment, playbook) that overrides it. */
@Injectable()
export class SlaPoliciesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<SlaPolicyDto[]> {
    const rows: SlaPolicyRow[] = await this.db.query(`SELECT * FROM sla_policies ORDER BY segment_id, playbook_id NULLS FIRST`);
    return rows.map(mapSlaPolicy);
  }

  async createOrThrow(input: SlaPolicyInput): Promise<SlaPolicyDto> {
    try {
      const [row] = await this.db.query(
        `INSERT INTO sla_policies (segment_id, playbook_id, first_touch_minutes, clock, calendar, reassign_on_breach)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [input.segmentId, input.playbookId, input.firstTouchWithinMinutes, input.clock, input.calendar && JSON.stringify(input.calendar), input.reassignOnBreach],
      );
      return mapSlaPolicy(row);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new ConflictException('this segment (and playbook) already has a policy: update it');
      throw error;
    }
  }

  async updateOrThrow(id: string, input: SlaPolicyInput): Promise<SlaPolicyDto> {
    const [rows] = await this.db.query(
      `UPDATE sla_policies SET segment_id = $2, playbook_id = $3, first_touch_minutes = $4, clock = $5, calendar = $6,
              reassign_on_breach = $7, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, input.segmentId, input.playbookId, input.firstTouchWithinMinutes, input.clock, input.calendar && JSON.stringify(input.calendar), input.reassignOnBreach],
    );
    if (!rows?.[0]) throw new NotFoundException(`no SLA policy ${id}`);
    return mapSlaPolicy(rows[0]);
  }

  async removeOrThrow(id: string): Promise<void> {
    const [, count] = await this.db.query(`DELETE FROM sla_policies WHERE id = $1`, [id]);
    if (!count) throw new NotFoundException(`no SLA policy ${id}`);
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { listBoundPlaybooks, listLiveSegments, updateSegmentLabel } from '@segflow/stores';
import { describeRule, type SegmentConversion } from '@segflow/scoring';
import { DataSource } from 'typeorm';
import { namedFeatures } from '@segflow/scoring/features';
import { LeadPropensityService } from '../propensity/lead-propensity.service';
import { SegmentDto, UpdateSegment } from './segment.dto';

function expectedConversionOf(conversion: SegmentConversion | undefined): SegmentDto['expectedConversion'] {
  if (!conversion) return null;
  const { segmentId: _segmentId, ...rest } = conversion;
  return rest;
}

/** The live segments (the active model's, then the rule segments by priority) and their editable labels. */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly propensity: LeadPropensityService,
  ) {}

  async list(): Promise<SegmentDto[]> {
    const [rows, bindings, conversions] = await Promise.all([
      listLiveSegments(this.dataSource.manager),
      listBoundPlaybooks(this.dataSource.manager),
      this.propensity.segmentConversions(),
    ]);
    return rows.map((r): SegmentDto => ({
      id: r.id,
      kind: r.kind,
      ...(r.rule && r.priority !== null
        ? { rule: r.rule, ruleDescription: describeRule(r.rule), priority: r.priority }
        : {}),
      name: r.name,
      description: r.description,
      colour: r.colour,
      size: r.size,
      conversionRate: r.size ? r.converted / r.size : 0,
      centroid: namedFeatures(r.raw_centroid),
      ...(bindings.has(r.id) ? { boundPlaybookId: bindings.get(r.id) } : {}),
      expectedConversion: expectedConversionOf(conversions.get(r.id)),
    }));
  }

  async updateOrThrow(
    id: string,
    patch: UpdateSegment,
  ): Promise<SegmentDto | { id: string; name: string; description: string; colour: string }> {
    const updated = await updateSegmentLabel(this.dataSource.manager, id, patch);
    if (!updated) throw new NotFoundException(`segment ${id} not found`);
    return (await this.list()).find((s) => s.id === updated.id) ?? updated;
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { listBoundPlaybooks, listLiveSegments, updateSegmentLabel } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { namedFeatures } from '@segflow/scoring/features';
import { SegmentDto, UpdateSegment } from './segment.dto';

/** The live segments (those of the active model) and their editable labels. */
@Injectable()
export class SegmentsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<SegmentDto[]> {
    const [rows, bindings] = await Promise.all([
      listLiveSegments(this.dataSource.manager),
      listBoundPlaybooks(this.dataSource.manager),
    ]);
    return rows.map((r): SegmentDto => ({
      id: r.id,
      name: r.name,
      description: r.description,
      colour: r.colour,
      size: r.size,
      conversionRate: r.size ? r.converted / r.size : 0,
      centroid: namedFeatures(r.raw_centroid),
      ...(bindings.has(r.id) ? { boundPlaybookId: bindings.get(r.id) } : {}),
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

import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { namedFeatures } from '../features/lead-feature-row';
import { SegmentDto, UpdateSegment } from './segment.dto';

const ACTIVE_SEGMENTS_SQL = `
WITH members AS (
  SELECT m.segment_id, count(*)::int AS size, count(f.converted_at)::int AS converted
  FROM segment_memberships m LEFT JOIN lead_features f ON f.lead_id = m.lead_id
  WHERE m.left_at IS NULL GROUP BY m.segment_id
)
SELECT s.id, s.name, s.description, s.colour, c.raw_centroid, COALESCE(mb.size, 0) AS size, COALESCE(mb.converted, 0) AS converted
FROM segment_models sm
JOIN segment_model_centroids c ON c.model_id = sm.id
JOIN segments s ON s.id = c.segment_id
LEFT JOIN members mb ON mb.segment_id = s.id
WHERE sm.status = 'active'
ORDER BY c.position`;

/** The live segments (those of the active model) and their editable labels. */
@Injectable()
export class SegmentsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<SegmentDto[]> {
    const [rows, bindings] = await Promise.all([this.dataSource.query(ACTIVE_SEGMENTS_SQL), this.bindings()]);
    return rows.map((r: any): SegmentDto => ({
      id: r.id, name: r.name, description: r.description, colour: r.colour, size: r.size,
      conversionRate: r.size ? r.converted / r.size : 0,
      centroid: namedFeatures(r.raw_centroid),
      ...(bindings.has(r.id) ? { boundPlaybookId: bindings.get(r.id) } : {}),
    }));
  }

  async updateOrThrow(id: string, patch: UpdateSegment): Promise<SegmentDto | { id: string; name: string; description: string; colour: string }> {
    const [rows] = await this.dataSource.query(
      `UPDATE segments SET name = COALESCE($2, name), description = COALESCE($3, description), colour = COALESCE($4, colour),
         description_edited = description_edited OR $3 IS NOT NULL, updated_at = now()
       WHERE id::text = $1 RETURNING id, name, description, colour`,
      [id, patch.name ?? null, patch.description ?? null, patch.colour ?? null],
    );
    const updated = rows?.[0];
    if (!updated) throw new NotFoundException(`segment ${id} not found`);
    return (await this.list()).find((s) => s.id === updated.id) ?? updated;
  }

  // segment_bindings belongs to the playbooks work; read it only once that table exists.
  private async bindings(): Promise<Map<string, string>> {
    const [{ exists }] = await this.dataSource.query(`SELECT to_regclass('segment_bindings') IS NOT NULL AS exists`);
    if (!exists) return new Map();
    const rows: { segment_id: string; playbook_id: string }[] = await this.dataSource.query(`SELECT segment_id, playbook_id FROM segment_bindings`);
    return new Map(rows.map((r) => [r.segment_id, r.playbook_id]));
  }
}

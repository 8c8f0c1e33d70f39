import { findModelMetrics, listSegmentNames } from '@segflow/stores';
import type { EntityManager } from 'typeorm';
import type { RetrainResult } from './retrain-job';
import type { SegmentModelDiffDto, SegmentModelDto } from './segment-model.dto';

/** What approving the candidate would change, read off the retrain's current → new table (stored with it). */
export async function buildModelDiff(
  manager: EntityManager,
  modelId: string,
  result: RetrainResult,
  activeModelId: string | null,
  metrics: SegmentModelDto['metrics'],
): Promise<SegmentModelDiffDto> {
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const cell of result.moved) {
    if (cell.from) before.set(cell.from, (before.get(cell.from) ?? 0) + cell.count);
    if (cell.to) after.set(cell.to, (after.get(cell.to) ?? 0) + cell.count);
  }
  const ids = [...new Set([...result.segments.map((s) => s.id), ...result.retired])];
  const names = await listSegmentNames(manager, ids);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const origin = new Map(result.segments.map((s) => [s.id, s.origin] as const));
  const active = activeModelId
    ? await findModelMetrics<NonNullable<SegmentModelDto['metrics']>>(manager, activeModelId)
    : undefined;
  return {
    modelId,
    activeModelId,
    sizes: ids.map((id) => ({
      segmentId: id,
      name: nameOf.get(id) ?? id,
      origin: origin.get(id) ?? 'retired',
      before: before.get(id) ?? 0,
      after: after.get(id) ?? 0,
    })),
    moved: result.moved,
    movedLeads: result.moved.filter((c) => c.from !== c.to).reduce((sum, c) => sum + c.count, 0),
    metrics: { candidate: metrics, active: active?.metrics ?? null },
  };
}

import { z } from 'zod';

/** A live segment as `GET /api/segments` returns it (the web app's segment list reads this shape). */
export interface SegmentDto {
  id: string;
  name: string;
  description: string;
  colour: string;
  /** Leads currently in the segment. */
  size: number;
  /** Share of current members who have purchased (0 when empty). */
  conversionRate: number;
  /** Centroid in feature units (see libs/scoring FEATURES.md), keyed by feature name. */
  centroid: Record<string, number>;
  /** The playbook bound to this segment, when the playbooks work has bound one. */
  boundPlaybookId?: string;
}

/** Body of `PATCH /api/segments/:id`. */
export const updateSegmentSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(500).optional(),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a #rrggbb colour').optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one of name, description, colour');
export type UpdateSegment = z.infer<typeof updateSegmentSchema>;

/** Body of `POST /api/segments/retrain`. */
export const retrainSchema = z
  .strictObject({
    k: z.number().int().min(2).max(20).optional(),
    kRange: z.tuple([z.number().int().min(2).max(20), z.number().int().min(2).max(20)]).refine(([a, b]) => a <= b, 'expected [min, max] with min ≤ max').optional(),
    seed: z.number().int().min(0).optional(),
  })
  .refine((v) => !(v.k !== undefined && v.kRange !== undefined), 'give k or kRange, not both');

import type { RetrainRequest, Segment, SegmentBacktestQuery } from '@segflow/api-contracts';
import { z } from 'zod';
import { acceptsContract } from '../common/accepts-contract';

/** A live segment as `GET /api/segments` returns it (libs/api-contracts, shared with the web app). */
export type SegmentDto = Segment;

/** Body of `PATCH /api/segments/:id`. */
export const updateSegmentSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(500).optional(),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'expected a #rrggbb colour')
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one of name, description, colour');
export type UpdateSegment = z.infer<typeof updateSegmentSchema>;

/** Body of `POST /api/segments/retrain`. */
export const retrainSchema = acceptsContract<RetrainRequest>()(
  z
    .strictObject({
      k: z.number().int().min(2).max(20).optional(),
      kRange: z
        .tuple([z.number().int().min(2).max(20), z.number().int().min(2).max(20)])
        .refine(([a, b]) => a <= b, 'expected [min, max] with min ≤ max')
        .optional(),
      seed: z.number().int().min(0).optional(),
    })
    .refine((v) => !(v.k !== undefined && v.kRange !== undefined), 'give k or kRange, not both'),
);

/** Query of `GET /api/segments/:id/backtest`. */
export const backtestQuerySchema = acceptsContract<SegmentBacktestQuery>()(
  z.strictObject({
    playbookId: z.uuid(),
    horizonDays: z.coerce.number().int().min(1).max(365).optional(),
  }),
);

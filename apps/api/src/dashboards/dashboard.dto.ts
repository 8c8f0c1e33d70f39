import {
  defaultTrendBucket,
  HOURLY_TREND_LIMIT_MS,
  type DashboardDeliveryQuery,
  type DashboardDrillDownQuery,
  type DashboardLiftQuery,
  type DashboardSummaryQuery,
  type DashboardTrendQuery,
  type DeliveryRow,
  type DrillDownLead,
  type SummaryRow,
  type TrendPoint,
} from '@segflow/api-contracts';
import { readsQueryContract } from '../common/accepts-contract';
import { z } from 'zod';
import { DIMENSIONS, type DrillDownRow, type TrendRow } from '@segflow/stores';

const DAY = 86_400_000;

/** `from`/`to` (ISO dates or instants; default the last 30 days), `to` exclusive. */
const rangeFields = { from: z.coerce.date().optional(), to: z.coerce.date().optional() };

function withDefaultRange<T extends { from?: Date; to?: Date }>(
  query: T,
): Omit<T, 'from' | 'to'> & { from: Date; to: Date } {
  const to = query.to ?? new Date();
  return { ...query, from: query.from ?? new Date(to.getTime() - 30 * DAY), to };
}

const isOrdered = (range: { from: Date; to: Date }) => range.from < range.to;
const orderMessage = { message: 'from must be before to', path: ['from'] };

export const summaryQuerySchema = readsQueryContract<DashboardSummaryQuery>()(
  z
    .object({ groupBy: z.enum(DIMENSIONS).default('segment'), ...rangeFields })
    .transform(withDefaultRange)
    .refine(isOrdered, orderMessage),
);
export const trendQuerySchema = readsQueryContract<DashboardTrendQuery>()(
  z
    .object({
      bucket: z.enum(['hour', 'day', 'week']).optional(),
      segmentId: z.string().optional(),
      repId: z.string().optional(),
      groupBy: z.enum(DIMENSIONS).optional(),
      key: z.string().optional(),
      ...rangeFields,
    })
    .refine((q) => q.key === undefined || q.groupBy !== undefined, { message: 'key needs groupBy', path: ['key'] })
    .transform(withDefaultRange)
    .refine(isOrdered, orderMessage)
    .transform((q) => ({ ...q, bucket: q.bucket ?? defaultTrendBucket(q.from, q.to) }))
    .refine((q) => q.bucket !== 'hour' || q.to.getTime() - q.from.getTime() <= HOURLY_TREND_LIMIT_MS, {
      message: `hour buckets need a range of at most ${HOURLY_TREND_LIMIT_MS / DAY} days`,
      path: ['bucket'],
    }),
);
export const drillDownQuerySchema = readsQueryContract<DashboardDrillDownQuery>()(
  z
    .object({
      groupBy: z.enum(DIMENSIONS).default('segment'),
      key: z.string().optional(),
      breached: z
        .enum(['true', 'false'])
        .optional()
        .transform((b) => (b === undefined ? null : b === 'true')),
      // No default here: the JSON drill-down pages (DRILL_DOWN_PAGE), the CSV export streams every row unless asked.
      limit: z.coerce.number().int().min(1).max(5000).optional(),
      ...rangeFields,
    })
    .transform(withDefaultRange)
    .refine(isOrdered, orderMessage),
);
export const liftQuerySchema = readsQueryContract<DashboardLiftQuery>()(
  z.object(rangeFields).transform(withDefaultRange).refine(isOrdered, orderMessage),
);

/** Delivery figures: optionally one playbook (and version), optionally `[from, to)`; none of them = everything. */
export const deliveryQuerySchema = readsQueryContract<DashboardDeliveryQuery>()(
  z
    .object({
      playbookId: z.string().uuid().optional(),
      version: z.coerce.number().int().min(1).optional(),
      ...rangeFields,
    })
    .refine((q) => q.version === undefined || q.playbookId !== undefined, {
      message: 'version needs playbookId',
      path: ['version'],
    })
    .refine((q) => !q.from || !q.to || q.from < q.to, orderMessage),
);

export type SummaryQuery = z.infer<typeof summaryQuerySchema>;
export type TrendQuery = z.infer<typeof trendQuerySchema>;
export type DrillDownQuery = z.infer<typeof drillDownQuerySchema>;
export type LiftQuery = z.infer<typeof liftQuerySchema>;
export type DeliveryQuery = z.infer<typeof deliveryQuerySchema>;

export type { DeliveryRow, SummaryRow };

/** A trend bucket as the contract sends it (times as ISO strings, as JSON would have turned the Dates). */
export const toTrendPoint = (row: TrendRow): TrendPoint => ({ ...row, bucket: row.bucket.toISOString() });

/** A drill-down row as the contract sends it. */
export const toDrillDownLead = (row: DrillDownRow): DrillDownLead => ({
  ...row,
  enteredAt: row.enteredAt.toISOString(),
  dueAt: row.dueAt.toISOString(),
  firstTouchAt: row.firstTouchAt?.toISOString() ?? null,
});

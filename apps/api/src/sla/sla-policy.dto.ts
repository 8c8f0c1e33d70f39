import type { SlaPolicyRequest, SlaPolicySummary } from '@segflow/api-contracts';
import { acceptsContract } from '../common/accepts-contract';
import { businessCalendarSchema, type SlaPolicy } from '@segflow/sla';
import type { SlaPolicyRow } from '@segflow/stores';
import { z } from 'zod';

export const slaPolicyInputSchema = acceptsContract<SlaPolicyRequest>()(
  z
    .object({
      segmentId: z.string().uuid(),
      playbookId: z.string().uuid().nullable().default(null),
      firstTouchWithinMinutes: z
        .number()
        .positive()
        .max(60 * 24 * 30),
      clock: z.enum(['wall', 'business']),
      calendar: businessCalendarSchema.nullable().default(null),
      reassignOnBreach: z.boolean().default(false),
    })
    .refine((p) => p.clock === 'wall' || p.calendar !== null, {
      message: 'a business clock needs a calendar',
      path: ['calendar'],
    }),
);
export type SlaPolicyInput = z.infer<typeof slaPolicyInputSchema>;

export type SlaPolicyDto = SlaPolicySummary;

export const mapSlaPolicy = (row: SlaPolicyRow): SlaPolicyDto => ({
  id: row.id,
  segmentId: row.segment_id,
  playbookId: row.playbook_id,
  firstTouchWithinMinutes: row.first_touch_minutes,
  clock: row.clock,
  calendar: row.calendar,
  reassignOnBreach: row.reassign_on_breach,
});

/** The libs/sla policy a stored row stands for. */
export function toSlaPolicy(row: Pick<SlaPolicyRow, 'first_touch_minutes' | 'clock' | 'calendar'>): SlaPolicy {
  if (row.clock === 'business' && row.calendar)
    return { firstTouchWithinMinutes: row.first_touch_minutes, clock: 'business', calendar: row.calendar };
  return { firstTouchWithinMinutes: row.first_touch_minutes, clock: 'wall' };
}

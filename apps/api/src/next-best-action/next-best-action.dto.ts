import type { ApplyNextBestActionRequest } from '@segflow/api-contracts';
import { z } from 'zod';
import { acceptsContract } from '../common/accepts-contract';

/** Holdout a one-click apply binds with unless the body names one: enough to keep measuring the playbook's lift. */
export const DEFAULT_APPLY_HOLDOUT_PERCENT = 10;

export const applyNextBestActionSchema = acceptsContract<ApplyNextBestActionRequest>()(
  z.object({
    playbookId: z.string().uuid(),
    holdoutPercent: z.number().int().min(0).max(50).default(DEFAULT_APPLY_HOLDOUT_PERCENT),
  }),
);

export type ApplyNextBestActionBody = z.infer<typeof applyNextBestActionSchema>;

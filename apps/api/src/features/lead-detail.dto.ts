import type { LeadDetail } from '@segflow/api-contracts';

/** `GET /api/leads/:id` (libs/api-contracts): the lead plus its features, current segment, membership history and recent events. */
export type LeadDetailDto = LeadDetail;

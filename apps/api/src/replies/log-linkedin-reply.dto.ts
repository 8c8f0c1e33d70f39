import type { LogLinkedInReplyRequest } from '@segflow/api-contracts';
import { z } from 'zod';
import { acceptsContract } from '../common/accepts-contract';
import { MAX_REPLY_TEXT_CHARS } from '../intent/reply-intent';
import { replyTextSchema } from '../intent/reply-text-schema';

/** Body of `POST /api/leads/:id/linkedin-replies`. */
export const logLinkedInReplySchema = acceptsContract<LogLinkedInReplyRequest>()(
  z.strictObject({
    text: replyTextSchema(MAX_REPLY_TEXT_CHARS),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  }),
);

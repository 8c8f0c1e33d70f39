import { MAX_CLASSIFY_TEXT_CHARS, REPLY_CHANNELS, type ClassifyIntentRequest } from '@segflow/api-contracts';
import { z } from 'zod';
import { acceptsContract } from '../common/accepts-contract';
import { replyTextSchema } from './reply-text-schema';

/** Body of `POST /api/intent/classify`: text (1 … MAX_CLASSIFY_TEXT_CHARS characters, not blank) and its channel. */
export const classifyIntentSchema = acceptsContract<ClassifyIntentRequest>()(
  z.strictObject({
    text: replyTextSchema(MAX_CLASSIFY_TEXT_CHARS),
    channel: z.enum(REPLY_CHANNELS).optional(),
  }),
);

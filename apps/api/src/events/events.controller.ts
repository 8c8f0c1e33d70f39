import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { eventInputSchema } from '@segflow/scoring';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import {
  EventsService,
  INGEST_RETRY_AFTER_SECONDS,
  IngestBackPressure,
  IngestResponse,
  MAX_EVENTS_PER_BATCH,
} from './events.service';

// Only the envelope is checked here; items are validated one by one so a bad item never loses the good ones.
const eventsBatchSchema = z.object({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH) });

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  // 200, not 202: when the response is sent the events are stored, features updated and segments assigned.
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: `Ingest a batch { events: [...] } of at most ${MAX_EVENTS_PER_BATCH} events (body ≤ 5 MB); idempotent on eventId; per-item results; 429 with Retry-After, nothing stored, when the writer is INGEST_MAX_QUEUED_EVENTS behind`,
  })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        events: { type: 'array', maxItems: MAX_EVENTS_PER_BATCH, items: z.toJSONSchema(eventInputSchema) as object },
      },
    },
  })
  async ingest(
    @Body(new ZodBodyPipe(eventsBatchSchema)) body: z.infer<typeof eventsBatchSchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResponse> {
    try {
      return await this.events.ingest(body.events);
    } catch (error) {
      if (error instanceof IngestBackPressure) reply.header('retry-after', String(INGEST_RETRY_AFTER_SECONDS));
      throw error;
    }
  }
}

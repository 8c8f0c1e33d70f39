import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MAX_CLASSIFY_TEXT_CHARS, type ClassifyIntentResponse } from '@segflow/api-contracts';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { classifyIntentSchema } from './classify-intent.dto';
import { IntentService } from './intent.service';

@ApiTags('intent')
@Controller('intent')
export class IntentController {
  constructor(private readonly intents: IntentService) {}

  @Post('classify')
  @HttpCode(200)
  @Roles('ops')
  @ApiOperation({
    summary: `Classify a reply's text (≤ ${MAX_CLASSIFY_TEXT_CHARS} characters; email has its quoted history cut) into one intent with the model's confidence and the language (en, hi-Latn, hi); ops and API keys with the ingest scope`,
  })
  @ApiBody({ schema: z.toJSONSchema(classifyIntentSchema) as object })
  classify(
    @Body(new ZodBodyPipe(classifyIntentSchema)) body: z.infer<typeof classifyIntentSchema>,
  ): ClassifyIntentResponse {
    return this.intents.classifyOrThrow(body);
  }
}

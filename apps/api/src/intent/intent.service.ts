import { BadRequestException, Injectable } from '@nestjs/common';
import type { ClassifyIntentRequest, ClassifyIntentResponse } from '@segflow/api-contracts';
import { classifyReply } from './reply-intent';

/** Classifies replies for integrators and for checking the model by hand (`POST /api/intent/classify`). */
@Injectable()
export class IntentService {
  classifyOrThrow(request: ClassifyIntentRequest): ClassifyIntentResponse {
    const classified = classifyReply(request);
    // Only an email made entirely of quoted history gets here: the body schema refuses blank text.
    if (!classified)
      throw new BadRequestException({
        message: 'invalid request body',
        issues: [{ field: 'text', reason: 'has nothing but quoted history to classify' }],
      });
    return classified;
  }
}

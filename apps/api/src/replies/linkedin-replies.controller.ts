import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoggedReply } from '@segflow/api-contracts';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { SessionUser } from '../auth/principal';
import { DEFAULT_ROLES } from '../auth/roles';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { logLinkedInReplySchema } from './log-linkedin-reply.dto';
import { LinkedInRepliesService } from './linkedin-replies.service';

// Same /leads prefix as LeadsController; LinkedIn has no webhook, so reps log the replies they read there.
@ApiTags('leads')
@Controller('leads')
export class LinkedInRepliesController {
  constructor(private readonly replies: LinkedInRepliesService) {}

  @Post(':id/linkedin-replies')
  @HttpCode(201)
  @Roles(...DEFAULT_ROLES, 'rep')
  @ApiOperation({
    summary:
      'Log a reply the lead wrote on LinkedIn (text ≤ 2,000 characters): a linkedin_reply event whose intent is classified at ingest; reps: only their own leads',
  })
  log(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body(new ZodBodyPipe(logLinkedInReplySchema)) body: z.infer<typeof logLinkedInReplySchema>,
  ): Promise<LoggedReply> {
    return this.replies.logOrThrow(user, id, body);
  }
}

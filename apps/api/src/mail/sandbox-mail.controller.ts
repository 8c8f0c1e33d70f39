import type { PageQuery } from '@segflow/api-contracts';
import { readsQueryContract } from '../common/accepts-contract';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { SandboxMailService } from './sandbox-mail.service';
import type { SandboxMail, SandboxMailSummary } from '@segflow/api-contracts';

const replySchema = z.object({ text: z.string().trim().min(1, 'write the reply').max(20_000) });
const pageSchema = readsQueryContract<PageQuery>()(
  z.object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
);

/** The sandbox mailbox (MAIL_SANDBOX=on): mail Segflow sent that the embedded server caught instead of delivering. */
@ApiTags('sandbox mail')
@Controller('sandbox/mail')
@Roles('ops', 'manager')
export class SandboxMailController {
  constructor(private readonly sandbox: SandboxMailService) {}

  @Get()
  @ApiOperation({ summary: 'Sandbox mailbox: caught mail, newest first (?limit ≤ 200, default 50; ?offset)' })
  list(@Query(new ZodBodyPipe(pageSchema)) page: z.infer<typeof pageSchema>): Promise<SandboxMailSummary[]> {
    return this.sandbox.list(page.limit, page.offset);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Sandbox mailbox: one caught message, parsed (HTML, text, headers)' })
  get(@Param('id') id: string): Promise<SandboxMail> {
    return this.sandbox.getOrThrow(id);
  }

  @Post(':id/reply')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sandbox mailbox: reply as the lead, a real SMTP message through SMTP_URL { text }' })
  reply(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(replySchema)) body: z.infer<typeof replySchema>,
  ): Promise<{ messageId: string }> {
    return this.sandbox.replyAsLead(id, body.text);
  }
}

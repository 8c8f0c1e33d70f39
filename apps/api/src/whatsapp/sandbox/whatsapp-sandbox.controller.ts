import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Public } from '../../auth/auth.decorators';
import { ZodBodyPipe } from '../../common/zod-body.pipe';
import { acceptsContract } from '../../common/accepts-contract';
import type {
  SandboxAnswerOutcome,
  SandboxAnswerRequest,
  SandboxConversation,
  SandboxMessage,
} from '@segflow/api-contracts';
import { SandboxGraphError } from './sandbox-graph-request';
import { WhatsAppSandboxService } from './whatsapp-sandbox.service';

const phoneSchema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 phone number such as +919812345678');
const answerSchema = acceptsContract<SandboxAnswerRequest>()(
  z.object({
    text: z.string().trim().min(1).max(4096),
    contextWamid: z.string().min(1).max(256).nullable().optional(),
  }),
);

function phoneOrThrow(phone: string): string {
  return new ZodBodyPipe(phoneSchema).transform(phone);
}

/** The sandbox's side of the Cloud API: what the worker's Graph API client calls when WHATSAPP_API_URL points here. */
@ApiTags('whatsapp sandbox')
@Controller('sandbox/whatsapp')
export class WhatsAppSandboxGraphController {
  constructor(private readonly sandbox: WhatsAppSandboxService) {}

  // Public to our session auth: like Meta, the sandbox checks the bearer token itself (WHATSAPP_ACCESS_TOKEN).
  @Public()
  @Post(':version/:phoneNumberId/messages')
  @HttpCode(200)
  @ApiOperation({
    summary: 'SANDBOX: the Cloud API messages endpoint (text or template); 404 unless WHATSAPP_SANDBOX=on',
  })
  async send(
    @Param('phoneNumberId') phoneNumberId: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    try {
      return await this.sandbox.acceptMessage(phoneNumberId, authorization, body);
    } catch (error) {
      if (!(error instanceof SandboxGraphError)) throw error;
      reply.code(error.status);
      return error.toBody();
    }
  }
}

/** The sandbox's conversation view for signed-in users: read messages, answer as the lead. */
@ApiTags('whatsapp sandbox')
@Controller('sandbox/whatsapp/conversations')
export class WhatsAppSandboxController {
  constructor(private readonly sandbox: WhatsAppSandboxService) {}

  @Get()
  @ApiOperation({ summary: 'SANDBOX: every number the sandbox talked to, newest first' })
  list(): Promise<SandboxConversation[]> {
    return this.sandbox.conversations();
  }

  @Get(':phone')
  @ApiOperation({
    summary: 'SANDBOX: one conversation; opening it marks delivered messages read (signed `read` status webhooks)',
  })
  open(@Param('phone') phone: string): Promise<SandboxMessage[]> {
    return this.sandbox.openConversation(phoneOrThrow(phone));
  }

  @Post(':phone/messages')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'SANDBOX: answer as the lead: posts a signed inbound-message webhook (with context.id of the message answered)',
  })
  answer(
    @Param('phone') phone: string,
    @Body(new ZodBodyPipe(answerSchema)) body: z.infer<typeof answerSchema>,
  ): Promise<SandboxAnswerOutcome> {
    return this.sandbox.answerAsLead(phoneOrThrow(phone), body.text, body.contextWamid ?? null);
  }
}

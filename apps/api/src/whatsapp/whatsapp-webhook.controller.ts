import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { isSameSecret } from './whatsapp-signature';
import { WhatsAppWebhookOutcome, WhatsAppWebhookService } from './whatsapp-webhook.service';

/** Meta's webhook for the WhatsApp Cloud API; POSTs reach here only with a valid X-Hub-Signature-256 (see whatsapp-webhook-auth). */
@ApiTags('webhooks')
@Controller('webhooks/whatsapp')
export class WhatsAppWebhookController {
  constructor(
    private readonly webhook: WhatsAppWebhookService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      "Meta's verification handshake: echoes hub.challenge when hub.mode=subscribe and hub.verify_token is WHATSAPP_VERIFY_TOKEN, else 403",
  })
  handshake(
    @Query() query: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    if (
      query['hub.mode'] !== 'subscribe' ||
      !isSameSecret(query['hub.verify_token'], this.config.WHATSAPP_VERIFY_TOKEN)
    ) {
      throw new ForbiddenException('hub.mode must be subscribe and hub.verify_token must match WHATSAPP_VERIFY_TOKEN');
    }
    reply.type('text/plain');
    return query['hub.challenge'] ?? '';
  }

  // Always 200 once the signature holds, even for items we cannot match: Meta would otherwise retry for days.
  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cloud API webhook (statuses, inbound messages); 401 unless X-Hub-Signature-256 is the HMAC-SHA256 of the raw body with WHATSAPP_APP_SECRET',
  })
  receive(@Body() body: unknown): Promise<WhatsAppWebhookOutcome> {
    return this.webhook.receive(body);
  }
}

import { createHash, timingSafeEqual } from 'node:crypto';
import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Post,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { InboundMailOutcome, InboundMailService } from './inbound-mail.service';
import { MAX_MAIL_BYTES } from './mail-limits';

/** Content types whose body is kept as raw bytes for this endpoint (registered in create-app). */
export const RAW_MAIL_CONTENT_TYPES = ['message/rfc822', 'text/plain'];

@ApiTags('inbound')
@Controller('inbound')
export class InboundEmailController {
  constructor(
    private readonly inbound: InboundMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('email')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: `Inbound email as an inbound-parse service posts it: the raw RFC 822 message (message/rfc822 or text/plain, ≤ ${MAX_MAIL_BYTES / 1024 / 1024} MB), Authorization: Bearer INBOUND_EMAIL_SECRET; idempotent on Message-ID`,
  })
  receive(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
  ): Promise<InboundMailOutcome> {
    if (!this.isAuthorised(authorization))
      throw new UnauthorizedException('Authorization: Bearer <INBOUND_EMAIL_SECRET> required');
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new UnsupportedMediaTypeException(
        `body: expected a raw RFC 822 message as ${RAW_MAIL_CONTENT_TYPES.join(' or ')}`,
      );
    }
    return this.inbound.receive(body);
  }

  private isAuthorised(authorization: string | undefined): boolean {
    const secret = this.config.INBOUND_EMAIL_SECRET;
    const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!secret || !presented) return false;
    // Digests have equal lengths, so the comparison's time says nothing about the secret.
    const digest = (value: string) => createHash('sha256').update(value).digest();
    return timingSafeEqual(digest(presented), digest(secret));
  }
}

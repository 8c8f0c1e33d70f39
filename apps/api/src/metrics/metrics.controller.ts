import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { METRICS_CONTENT_TYPE, MetricsService } from './metrics.service';

/** Served at the root (`/metrics`, where Prometheus looks), outside the /api prefix. */
export const METRICS_ROUTE = 'metrics';

/** Prometheus scrapes without a session; with METRICS_TOKEN set it must send `Authorization: Bearer <token>`. */
@ApiExcludeController()
@Controller(METRICS_ROUTE)
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (this.config.METRICS_TOKEN && !sameSecret(authorization ?? '', `Bearer ${this.config.METRICS_TOKEN}`)) {
      throw new UnauthorizedException('GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    reply.header('content-type', METRICS_CONTENT_TYPE);
    return this.metrics.render();
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

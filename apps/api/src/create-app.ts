import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ConsoleLogger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { replyToFrameworkError } from './common/framework-errors';
import { registerPathParamGuard } from './common/path-param-guard';
import { AppConfig } from './config/app-config';
import { RAW_MAIL_CONTENT_TYPES } from './mail/inbound-email.controller';
import { MAX_MAIL_BYTES } from './mail/mail-limits';
import { METRICS_ROUTE } from './metrics/metrics.controller';
import { registerHttpMetrics } from './metrics/process-metrics';
import { PUBLIC_LINK_ROUTES } from './public-links/public-links.controller';
import { registerWhatsAppWebhookAuth } from './whatsapp/whatsapp-webhook-auth';

/** Request bodies above this are refused with 413; the events endpoint documents the same limit. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Builds the API (Fastify, /api prefix (public message links at the root), OpenAPI at /api/docs, JSON logs carrying a request id). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    logger: { level: config.LOG_LEVEL },
    trustProxy: config.API_TRUST_PROXY,
    // A click token carries the link's URL (libs/channels caps its payload at 4096 characters); Fastify's default is 100.
    routerOptions: { maxParamLength: 4200 },
    frameworkErrors: replyToFrameworkError,
  });
  // Inbound mail arrives as raw bytes (POST /api/inbound/email); no other endpoint takes these types.
  adapter.getInstance().removeContentTypeParser('text/plain');
  adapter
    .getInstance()
    .addContentTypeParser(
      RAW_MAIL_CONTENT_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_MAIL_BYTES },
      (_request, body, done) => done(null, body),
    );
  registerWhatsAppWebhookAuth(adapter.getInstance(), config.WHATSAPP_APP_SECRET);
  registerPathParamGuard(adapter.getInstance());
  registerHttpMetrics(adapter.getInstance());
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    logger: new ConsoleLogger({ json: true, logLevels: logLevelsFrom(config.LOG_LEVEL) }),
  });
  // The links in sent messages stay short and outside the API: PUBLIC_URL/u/…, /t/c/…, /t/o/…; Prometheus reads /metrics.
  app.setGlobalPrefix('api', { exclude: [...PUBLIC_LINK_ROUTES, { path: METRICS_ROUTE, method: RequestMethod.GET }] });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Segflow API')
      .setDescription('Leads, events, segments, playbooks, runs, SLAs')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}

function logLevelsFrom(level: AppConfig['LOG_LEVEL']): ('debug' | 'log' | 'warn' | 'error' | 'fatal')[] {
  const order = ['debug', 'log', 'warn', 'error', 'fatal'] as const;
  const from = { debug: 0, info: 1, warn: 2, error: 3 }[level];
  return order.slice(from) as ('debug' | 'log' | 'warn' | 'error' | 'fatal')[];
}

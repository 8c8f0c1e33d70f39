import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { replyToFrameworkError } from './common/framework-errors';
import { registerPathParamGuard } from './common/path-param-guard';
import { AppConfig } from './config/app-config';
import { createApiLogger } from './logging/api-logger';
import { PinoNestLogger } from './logging/pino-nest-logger';
import { registerRequestLogContext } from './logging/request-log-context';
import { RequestLogController } from './logging/request-log-controller';
import { RAW_MAIL_CONTENT_TYPES } from './mail/inbound-email.controller';
import { MAX_MAIL_BYTES } from './mail/mail-limits';
import { LEAD_IMPORT_CONTENT_TYPE } from './lead-imports/lead-imports.controller';
import { METRICS_ROUTE } from './metrics/metrics.controller';
import { registerHttpMetrics } from './metrics/process-metrics';
import { PUBLIC_LINK_ROUTES } from './public-links/public-links.controller';
import { startTracing } from './tracing/start-tracing';
import { registerWhatsAppWebhookAuth } from './whatsapp/whatsapp-webhook-auth';

/** Request bodies above this are refused with 413; the events endpoint documents the same limit. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Builds the API (Fastify, /api prefix (public message links at the root), OpenAPI at /api/docs, JSON logs carrying a
 * request id, and OpenTelemetry spans when OTEL_EXPORTER_OTLP_ENDPOINT is set).
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createApiLogger(config.LOG_LEVEL);
  const tracing = await startTracing(config);
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    loggerInstance: logger,
    logController: new RequestLogController(),
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
  // A CSV import is read as it arrives (never buffered whole), so its own limit applies instead of bodyLimit.
  adapter
    .getInstance()
    .addContentTypeParser(LEAD_IMPORT_CONTENT_TYPE, (_request, payload, done) => done(null, payload));
  registerWhatsAppWebhookAuth(adapter.getInstance(), config.WHATSAPP_APP_SECRET);
  registerPathParamGuard(adapter.getInstance());
  registerHttpMetrics(adapter.getInstance());
  tracing?.registerHttp(adapter.getInstance());
  registerRequestLogContext(adapter.getInstance());
  if (tracing) adapter.getInstance().addHook('onClose', async () => tracing.shutdown());
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, tracing), adapter, {
    logger: new PinoNestLogger(logger),
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

import type { LoggerService } from '@nestjs/common';
import type { FastifyBaseLogger } from 'fastify';
import type { Level } from 'pino';
import { requestLogger } from './request-log-context';

/** Nest's boot chatter (every module initialised, every route mapped): debug, so `npm start` shows what matters. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/**
 * Nest's logger over the API's pino logger: one JSON shape for Fastify's and Nest's lines. A line written while a
 * request is served carries its `reqId` (see {@link requestLogger}); `context` is the Nest logger's name. A service
 * passes ids as fields by logging an object: `logger.warn({ msg: 'not delivered', leadId })`.
 *
 * @example
 * NestFactory.create(AppModule, adapter, { logger: new PinoNestLogger(logger) });
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: FastifyBaseLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  // Nest passes the logger's context last, and for errors a stack before it (Logger.error(message, stack, context)).
  private write(level: Level, message: unknown, params: unknown[]): void {
    const context = typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    const effective = context && BOOT_CONTEXTS.has(context) && level === 'info' ? 'debug' : level;
    const logger = requestLogger() ?? this.root;
    const stack = level === 'error' && params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
    if (message instanceof Error) logger[effective]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) logger[effective]({ context, ...message });
    else logger[effective]({ context, ...(stack ? { stack } : {}) }, String(message));
  }
}

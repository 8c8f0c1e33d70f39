import Fastify, { type FastifyBaseLogger } from 'fastify';
import { Logger } from '@nestjs/common';
import { createApiLogger } from './api-logger';
import { PinoNestLogger } from './pino-nest-logger';
import { registerRequestLogContext } from './request-log-context';
import { RequestLogController } from './request-log-controller';

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'debug') {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createApiLogger(level, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, logger, sut: new PinoNestLogger(logger) };
}

describe('PinoNestLogger', () => {
  it('writes Nest lines in the API shape, with the logger’s context', () => {
    const { lines, sut } = capture('info');
    sut.log('first admin created', 'UsersService');
    sut.warn({ msg: 'outbox rows not delivered', leadId: 'l-1' }, 'OutboxDispatcherService');
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        service: 'api',
        pid: process.pid,
        context: 'UsersService',
        msg: 'first admin created',
      },
      expect.objectContaining({
        level: 'warn',
        context: 'OutboxDispatcherService',
        leadId: 'l-1',
        msg: 'outbox rows not delivered',
      }),
    ]);
  });

  it('keeps the stack Nest passes with an error, and an Error’s own', () => {
    const { lines, sut } = capture();
    sut.error('delivery crashed', 'Error: boom\n    at x', 'OutboxDispatcherService');
    sut.error(new Error('bad'), undefined, 'X');
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'delivery crashed', stack: 'Error: boom\n    at x' });
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'bad', err: { message: 'bad' } });
  });

  it('writes Nest’s boot chatter (modules, routes) at debug, so info shows what matters', () => {
    const { lines, sut } = capture('info');
    sut.log('Mapped {/api/leads, POST} route', 'RouterExplorer');
    sut.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(lines).toEqual([]);
  });

  it('gives a line written while a request is served that request’s id; the answer is logged once, at debug when routine', async () => {
    const { lines, logger, sut } = capture();
    // Typed as Fastify's base logger, as Nest's adapter holds it.
    const app = Fastify({ loggerInstance: logger as FastifyBaseLogger, logController: new RequestLogController() });
    registerRequestLogContext(app);
    Logger.overrideLogger(sut);
    app.post('/things', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      new Logger('ThingsService').log('thing stored');
      return { ok: true };
    });
    app.get('/broken', async () => {
      throw new Error('broken');
    });
    try {
      await app.inject({ method: 'POST', url: '/things', payload: { a: 1 } });
      await app.inject({ method: 'GET', url: '/broken' });
    } finally {
      Logger.overrideLogger(false);
      await app.close();
    }
    const stored = lines.find((line) => line.msg === 'thing stored');
    const answers = lines.filter((line) => line.msg === 'request completed');
    expect(stored).toMatchObject({ level: 'info', context: 'ThingsService', reqId: expect.any(String) });
    expect(answers).toEqual([
      expect.objectContaining({
        level: 'debug',
        reqId: stored!.reqId,
        method: 'POST',
        route: '/things',
        statusCode: 200,
      }),
      expect.objectContaining({ level: 'error', method: 'GET', route: '/broken', statusCode: 500 }),
    ]);
  });
});

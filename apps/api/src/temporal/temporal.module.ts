import { Global, Inject, Injectable, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { API_TRACING, type ApiTracing } from '../tracing/start-tracing';

/**
 * The API's Temporal client. The connection is lazy so the API starts (and reports it) while Temporal is down. With
 * tracing on, its workflow starts and signals are spans whose context travels to the workflow in its headers.
 */
@Injectable()
export class TemporalClient extends Client implements OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) readonly config: AppConfig,
    @Optional() @Inject(API_TRACING) tracing: ApiTracing | null = null,
  ) {
    super({
      connection: Connection.lazy({ address: config.TEMPORAL_ADDRESS }),
      namespace: config.TEMPORAL_NAMESPACE,
      ...(tracing ? { interceptors: { workflow: tracing.workflowClientInterceptors } } : {}),
    });
  }

  get defaultTaskQueue(): string {
    return this.config.TEMPORAL_TASK_QUEUE;
  }

  /** Runs `fn`, failing its Temporal calls after `timeoutMs` instead of retrying an unreachable server for longer. */
  withTimeout<T>(timeoutMs: number, fn: () => Promise<T>): Promise<T> {
    return this.connection.withDeadline(Date.now() + timeoutMs, fn);
  }

  /** Resolves when the server answers a health check within timeoutMs. */
  async isReachable(timeoutMs = 1_500): Promise<boolean> {
    try {
      await this.withTimeout(timeoutMs, () => this.connection.workflowService.getSystemInfo({}));
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({ providers: [TemporalClient], exports: [TemporalClient] })
export class TemporalModule {}

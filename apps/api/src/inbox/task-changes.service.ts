import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { parseTaskChange, TASKS_CHANNEL, TaskChange } from './task-changes';

const RECONNECT_MS = 1_000;

/**
 * LISTENs on {@link TASKS_CHANNEL} over one dedicated connection per API process and fans the changes out to the
 * inbox streams. The triggers notify from any writer (this API, other instances, the worker), so every instance
 * hears every change. When the connection drops it reconnects and announces `everyone`, as changes may be missed.
 */
@Injectable()
export class TaskChangesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TaskChangesService.name);
  private readonly subject = new Subject<TaskChange>();
  private client: Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Every change; completes when the API shuts down, which ends the open streams so the server can close. */
  get changes(): Observable<TaskChange> {
    return this.subject.asObservable();
  }

  async onModuleInit(): Promise<void> {
    await this.listen(false);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
    this.subject.complete();
  }

  private async listen(isReconnect: boolean): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', (message) => {
      if (message.channel === TASKS_CHANNEL) this.subject.next(parseTaskChange(message.payload));
    });
    client.on('error', (error) => this.reconnectLater(client, error));
    client.on('end', () => this.reconnectLater(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${TASKS_CHANNEL}`);
      this.client = client;
      if (isReconnect) this.subject.next({ kind: 'everyone' });
    } catch (error) {
      this.reconnectLater(client, error as Error);
    }
  }

  // Inboxes keep working meanwhile: the web app polls while its stream has no news, and refetches on reconnect.
  private reconnectLater(client: Client, error: Error): void {
    if (this.stopped || this.reconnectTimer || (this.client && this.client !== client)) return;
    this.logger.warn(`task change listener lost its connection (${error.message}); retrying in ${RECONNECT_MS} ms`);
    this.client = null;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.listen(true);
    }, RECONNECT_MS);
  }
}

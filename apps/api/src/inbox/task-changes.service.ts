import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PgChannelListener } from '../database/pg-channel-listener';
import { parseTaskChange, TASKS_CHANNEL, TaskChange } from './task-changes';

/**
 * LISTENs on {@link TASKS_CHANNEL} over one dedicated connection per API process and fans the changes out to the
 * inbox streams. The triggers notify from any writer (this API, other instances, the worker), so every instance
 * hears every change. After a (re)connect it announces `everyone`, as changes may have been missed meanwhile.
 */
@Injectable()
export class TaskChangesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TaskChangesService.name);
  private readonly subject = new Subject<TaskChange>();
  private readonly listener: PgChannelListener;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.listener = new PgChannelListener({
      connectionString: config.DATABASE_URL,
      channel: TASKS_CHANNEL,
      applicationName: 'segflow-task-changes-listener',
      onWake: (payload) => this.subject.next(payload === null ? { kind: 'everyone' } : parseTaskChange(payload)),
      // Inboxes keep working meanwhile: the web app polls while its stream is down, and refetches on reconnect.
      onLost: (error) => this.logger.warn(`task change listener lost its connection (${error.message}); retrying`),
    });
  }

  /** Every change; completes when the API shuts down, which ends the open streams so the server can close. */
  get changes(): Observable<TaskChange> {
    return this.subject.asObservable();
  }

  onModuleInit(): Promise<void> {
    return this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
    this.subject.complete();
  }
}

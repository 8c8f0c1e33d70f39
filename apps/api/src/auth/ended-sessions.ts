import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { filter, map, Observable, Subject } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PgChannelListener } from '../database/pg-channel-listener';
import { PrincipalCache } from './principal-cache';

/** NOTIFY channel carrying the id of each ended session (sessions.service.ts sends it in the deleting statement). */
export const SESSIONS_ENDED_CHANNEL = 'segflow_sessions_ended';

/**
 * Hears every ended session (sign-out, password change, deactivation) on any API replica, over one LISTEN
 * connection per process: forgets its cached principal at once and ends the inbox streams it holds. A notification
 * lost while the connection is down is not replayed; the cache's TTL and the stream's expiry timer cover it.
 */
@Injectable()
export class EndedSessions implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(EndedSessions.name);
  private readonly subject = new Subject<string>();
  private readonly listener: PgChannelListener;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly cache: PrincipalCache,
  ) {
    this.listener = new PgChannelListener({
      connectionString: config.DATABASE_URL,
      channel: SESSIONS_ENDED_CHANNEL,
      applicationName: 'segflow-sessions-ended-listener',
      onWake: (sessionId) => {
        if (sessionId === null) return;
        this.cache.forgetSession(sessionId);
        this.subject.next(sessionId);
      },
      onLost: (error) => this.logger.warn(`ended-sessions listener lost its connection (${error.message}); retrying`),
    });
  }

  /** Emits once when `sessionId` ends, on whichever replica it was ended. */
  endOf(sessionId: string): Observable<void> {
    return this.subject.pipe(
      filter((id) => id === sessionId),
      map(() => undefined),
    );
  }

  onModuleInit(): Promise<void> {
    return this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
    this.subject.complete();
  }
}

import { HttpException, HttpStatus, Injectable, MessageEvent } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  concatMap,
  endWith,
  filter,
  finalize,
  ignoreElements,
  interval,
  map,
  merge,
  Observable,
  of,
  takeUntil,
  timer,
} from 'rxjs';
import { repsManagedBy } from '@segflow/stores';
import { DataSource } from 'typeorm';
import type { SessionUser, UserPrincipal } from '../auth/principal';
import { EndedSessions } from '../auth/ended-sessions';
import { isTaskChangeFor, TaskChange } from './task-changes';
import { TaskChangesService } from './task-changes.service';

/** Keeps proxies and load balancers from closing an idle stream, and lets the client notice a dead one. */
export const INBOX_STREAM_HEARTBEAT_MS = 25_000;
/** How long EventSource waits before reconnecting after the stream drops. */
export const INBOX_STREAM_RETRY_MS = 3_000;
/**
 * Open streams per user on one API instance (a few tabs). One more is refused with 429 rather than closing an old
 * one: a closed EventSource reconnects, so closing would only make the tabs take turns; the refused tab polls.
 */
export const INBOX_STREAMS_PER_USER = 5;
// setTimeout's longest delay (~24.8 days); a session may live longer, and the stream then just ends early.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The Server-Sent Events behind GET /api/inbox/stream: `ready` once, `changed` whenever a task the user's inbox
 * shows changes (the client refetches the list; the event carries no task data, so nothing leaks past the
 * list's own access check), and `heartbeat` every {@link INBOX_STREAM_HEARTBEAT_MS}.
 */
@Injectable()
export class InboxStreamService {
  private readonly openPerUser = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taskChanges: TaskChangesService,
    private readonly endedSessions: EndedSessions,
  ) {}

  /** The stream of a signed-in session; it ends when that session ends (sign-out, password change, expiry). */
  streamForOrThrow(principal: UserPrincipal, now = Date.now()): Observable<MessageEvent> {
    const { user, sessionId } = principal;
    const open = this.openPerUser.get(user.id) ?? 0;
    if (open >= INBOX_STREAMS_PER_USER) {
      throw new HttpException(
        `at most ${INBOX_STREAMS_PER_USER} inbox streams per user may be open; close another tab (this one refreshes by polling)`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.openPerUser.set(user.id, open + 1);
    const expired = timer(Math.min(MAX_TIMER_MS, Math.max(0, principal.sessionExpiresAt.getTime() - now)));
    const sessionEnded = merge(this.endedSessions.endOf(sessionId), expired);
    return this.streamFor(user).pipe(
      takeUntil(sessionEnded),
      finalize(() => this.release(user.id)),
    );
  }

  private release(userId: string): void {
    const open = (this.openPerUser.get(userId) ?? 1) - 1;
    if (open > 0) this.openPerUser.set(userId, open);
    else this.openPerUser.delete(userId);
  }

  private streamFor(user: SessionUser): Observable<MessageEvent> {
    const changed = this.taskChanges.changes.pipe(
      concatMap(async (change) => ((await this.isFor(user, change)) ? change : null)),
      filter((change): change is TaskChange => change !== null),
      map((change): MessageEvent => ({
        type: 'changed',
        data: { taskId: change.kind === 'tasks' ? change.taskId : null },
      })),
    );
    const heartbeat = interval(INBOX_STREAM_HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: {} })),
    );
    // The stream ends with the change feed (at shutdown): an open stream would otherwise keep the server from closing.
    const ended = this.taskChanges.changes.pipe(ignoreElements(), endWith(true));
    return merge(of<MessageEvent>({ type: 'ready', data: {}, retry: INBOX_STREAM_RETRY_MS }), changed, heartbeat).pipe(
      takeUntil(ended),
    );
  }

  private async isFor(user: SessionUser, change: TaskChange): Promise<boolean> {
    if (user.role !== 'manager' || change.kind !== 'tasks') return isTaskChangeFor(user, change);
    // Looked up per change, so a rep who joins or leaves the team counts from that moment on.
    const reps = await repsManagedBy(
      this.db.manager,
      user.id,
      change.assignees.filter((a) => a !== null),
    );
    return isTaskChangeFor(user, change, reps);
  }
}

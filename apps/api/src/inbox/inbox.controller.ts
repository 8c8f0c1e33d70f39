import { Body, Controller, Get, HttpCode, MessageEvent, Param, Post, Query, Sse } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ConfirmUnsubscribeResponse } from '@segflow/api-contracts';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { CurrentSession, CurrentUser, Roles } from '../auth/auth.decorators';
import type { SessionUser, UserPrincipal } from '../auth/principal';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import {
  completeInboxTaskSchema,
  inboxQuerySchema,
  InboxItemDto,
  reassignTaskSchema,
  snoozeTaskSchema,
  TaskActivityDto,
  taskNoteSchema,
} from './inbox.dto';
import { InboxService } from './inbox.service';
import { InboxStreamService } from './inbox-stream.service';

@ApiTags('inbox')
@Controller('inbox')
@Roles('rep', 'manager')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly streams: InboxStreamService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Open tasks by SLA due time, then lead score; reps get their own, managers pass ?repId' })
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodBodyPipe(inboxQuerySchema)) query: z.infer<typeof inboxQuerySchema>,
  ): Promise<InboxItemDto[]> {
    return this.inbox.listOrThrow(user, query);
  }

  @Sse('stream')
  @ApiOperation({
    summary:
      "Server-Sent Events: 'changed' when a task this inbox shows is created, completed, snoozed, reassigned or breaches its SLA (then refetch GET /api/inbox); 'heartbeat' every 25 s. At most 5 per user (429 beyond); ends with the session",
  })
  stream(@CurrentSession() session: UserPrincipal): Observable<MessageEvent> {
    return this.streams.streamForOrThrow(session);
  }

  @Post('tasks/:id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete with an outcome; the waiting run is signalled' })
  complete(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body(new ZodBodyPipe(completeInboxTaskSchema)) body: z.infer<typeof completeInboxTaskSchema>,
  ) {
    return this.inbox.completeOrThrow(user, id, body.outcome, body.note);
  }

  @Post('tasks/:id/confirm-unsubscribe')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "One click on a 'Lead asked to stop' task: unsubscribes the lead from the reply's channel (as an unsubscribe event) and completes the task",
  })
  confirmUnsubscribe(@CurrentUser() user: SessionUser, @Param('id') id: string): Promise<ConfirmUnsubscribeResponse> {
    return this.inbox.confirmUnsubscribeOrThrow(user, id);
  }

  @Post('tasks/:id/snooze')
  @HttpCode(204)
  snooze(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body(new ZodBodyPipe(snoozeTaskSchema)) body: z.infer<typeof snoozeTaskSchema>,
  ): Promise<void> {
    return this.inbox.snoozeOrThrow(user, id, body.until);
  }

  @Post('tasks/:id/notes')
  @HttpCode(204)
  note(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body(new ZodBodyPipe(taskNoteSchema)) body: z.infer<typeof taskNoteSchema>,
  ): Promise<void> {
    return this.inbox.addNoteOrThrow(user, id, body.body);
  }

  @Get('tasks/:id/activity')
  activity(@CurrentUser() user: SessionUser, @Param('id') id: string): Promise<TaskActivityDto[]> {
    return this.inbox.activityOrThrow(user, id);
  }

  @Post('tasks/:id/reassign')
  @Roles('manager')
  @HttpCode(204)
  @ApiOperation({ summary: 'Give the task and its lead to another rep (managers: reps of their team)' })
  reassign(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body(new ZodBodyPipe(reassignTaskSchema)) body: z.infer<typeof reassignTaskSchema>,
  ): Promise<void> {
    return this.inbox.reassignOrThrow(user, id, body.repId, body.reason);
  }
}

import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { IntParamPipe } from '../common/param-pipes';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { SessionUser } from '../auth/principal';
import { ROLES } from '../auth/roles';
import type { NotificationListQuery, UserNotification } from '@segflow/api-contracts';
import { z } from 'zod';
import { readsQueryContract } from '../common/accepts-contract';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { NotificationsService } from './notifications.service';

const listQuerySchema = readsQueryContract<NotificationListQuery>()(
  z.object({ unread: z.enum(['true', 'false']).optional() }),
);

@ApiTags('notifications')
@Controller('notifications')
@Roles(...ROLES)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first (?unread=true for unread only)' })
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodBodyPipe(listQuerySchema)) query: z.infer<typeof listQuerySchema>,
  ): Promise<UserNotification[]> {
    return this.notifications.list(user.id, query.unread === 'true');
  }

  @Post(':id/read')
  @HttpCode(204)
  read(@CurrentUser() user: SessionUser, @Param('id', IntParamPipe) id: number): Promise<void> {
    return this.notifications.markRead(user.id, String(id));
  }
}

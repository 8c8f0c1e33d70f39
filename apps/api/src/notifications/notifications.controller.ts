import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { IntParamPipe } from '../common/param-pipes';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { SessionUser } from '../auth/principal';
import { ROLES } from '../auth/roles';
import type { UserNotification } from '@segflow/api-contracts';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
@Roles(...ROLES)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first (?unread=true for unread only)' })
  list(@CurrentUser() user: SessionUser, @Query('unread') unread?: string): Promise<UserNotification[]> {
    return this.notifications.list(user.id, unread === 'true');
  }

  @Post(':id/read')
  @HttpCode(204)
  read(@CurrentUser() user: SessionUser, @Param('id', IntParamPipe) id: number): Promise<void> {
    return this.notifications.markRead(user.id, String(id));
  }
}

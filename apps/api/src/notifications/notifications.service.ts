import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  insertNotification,
  listNotifications,
  markNotificationRead,
  type NewNotification,
  type NotificationRow,
  type Queryable,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import type { UserNotification } from '@segflow/api-contracts';

export type { NewNotification };

export type NotificationDto = UserNotification;

const mapNotification = (n: NotificationRow): NotificationDto => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  data: n.data,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** In-app notifications (SLA escalations); the web app polls them. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Notifies in the caller's transaction (an escalation and its notices commit together). */
  notify(q: Queryable, n: NewNotification): Promise<void> {
    return insertNotification(q, n);
  }

  async list(userId: string, unreadOnly: boolean): Promise<NotificationDto[]> {
    return (await listNotifications(this.db.manager, userId, unreadOnly)).map(mapNotification);
  }

  markRead(userId: string, id: string): Promise<void> {
    return markNotificationRead(this.db.manager, userId, id);
  }
}

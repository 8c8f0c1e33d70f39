import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface NotificationDto {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  /** A repeat with the same key is dropped, so a retried escalation never notifies twice. */
  dedupeKey?: string;
}

/** In-app notifications (SLA escalations); the web app polls them. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async notify(manager: EntityManager, n: NewNotification): Promise<void> {
    await manager.query(
      `INSERT INTO notifications (user_id, kind, title, body, data, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
      [n.userId, n.kind, n.title, n.body, n.data, n.dedupeKey ?? null],
    );
  }

  list(userId: string, unreadOnly: boolean): Promise<NotificationDto[]> {
    return this.db.query(
      `SELECT id::text, kind, title, body, data, created_at AS "createdAt", read_at AS "readAt" FROM notifications
        WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ORDER BY created_at DESC, id DESC LIMIT 100`,
      [userId, unreadOnly],
    );
  }

  async markRead(userId: string, id: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2`, [id, userId]);
  }
}

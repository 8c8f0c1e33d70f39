import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { SlaController } from './sla.controller';
import { SlaMonitorService } from './sla-monitor.service';
import { SlaPoliciesService } from './sla-policies.service';

@Module({ imports: [NotificationsModule], controllers: [SlaController], providers: [SlaPoliciesService, SlaMonitorService] })
export class SlaModule {}

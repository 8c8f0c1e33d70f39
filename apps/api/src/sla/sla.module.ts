import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { SlaController } from './sla.controller';
import { SlaMonitorService } from './sla-monitor.service';
import { SlaPoliciesModule } from './sla-policies.module';

@Module({
  imports: [NotificationsModule, SlaPoliciesModule],
  controllers: [SlaController],
  providers: [SlaMonitorService],
})
export class SlaModule {}

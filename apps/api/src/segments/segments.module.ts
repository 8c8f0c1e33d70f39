import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PropensityModule } from '../propensity/propensity.module';
import { RetrainScheduleService } from './retrain-schedule.service';
import { ScheduledRetrainService } from './scheduled-retrain.service';
import { ModelActivator } from './model-activator';
import { SegmentModelsService } from './segment-models.service';
import { SegmentModelsController, SegmentsController } from './segments.controller';
import { SegmentsCoreModule } from './segments-core.module';
import { SegmentsService } from './segments.service';

@Module({
  imports: [SegmentsCoreModule, PropensityModule, NotificationsModule],
  controllers: [SegmentsController, SegmentModelsController],
  providers: [SegmentsService, SegmentModelsService, ModelActivator, ScheduledRetrainService, RetrainScheduleService],
  exports: [SegmentModelsService, SegmentsService],
})
export class SegmentsModule {}

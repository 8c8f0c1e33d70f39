import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PropensityModule } from '../propensity/propensity.module';
import { RetrainScheduleService } from './retrain-schedule.service';
import { ScheduledRetrainService } from './scheduled-retrain.service';
import { ModelActivator } from './model-activator';
import { RuleSegmentSweepService } from './rule-segment-sweep.service';
import { RuleSegmentsController } from './rule-segments.controller';
import { RuleSegmentsService } from './rule-segments.service';
import { SegmentModelsService } from './segment-models.service';
import { SegmentModelsController, SegmentsController } from './segments.controller';
import { SegmentsCoreModule } from './segments-core.module';
import { SegmentsService } from './segments.service';

@Module({
  imports: [SegmentsCoreModule, PropensityModule, NotificationsModule],
  controllers: [RuleSegmentsController, SegmentsController, SegmentModelsController],
  providers: [
    SegmentsService,
    SegmentModelsService,
    ModelActivator,
    ScheduledRetrainService,
    RetrainScheduleService,
    RuleSegmentsService,
    RuleSegmentSweepService,
  ],
  exports: [SegmentModelsService, SegmentsService, RuleSegmentSweepService],
})
export class SegmentsModule {}

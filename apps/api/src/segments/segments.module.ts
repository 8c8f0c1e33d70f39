import { Module } from '@nestjs/common';
import { PropensityModule } from '../propensity/propensity.module';
import { ModelActivator } from './model-activator';
import { SegmentModelsService } from './segment-models.service';
import { SegmentModelsController, SegmentsController } from './segments.controller';
import { SegmentsCoreModule } from './segments-core.module';
import { SegmentsService } from './segments.service';

@Module({
  imports: [SegmentsCoreModule, PropensityModule],
  controllers: [SegmentsController, SegmentModelsController],
  providers: [SegmentsService, SegmentModelsService, ModelActivator],
  exports: [SegmentModelsService, SegmentsService],
})
export class SegmentsModule {}

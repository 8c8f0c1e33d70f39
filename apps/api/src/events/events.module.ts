import { Module } from '@nestjs/common';
import { SegmentsCoreModule } from '../segments/segments-core.module';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { IngestWriter } from './ingest-writer';

@Module({
  imports: [SegmentsCoreModule],
  controllers: [EventsController],
  providers: [EventsService, IngestWriter],
  exports: [EventsService],
})
export class EventsModule {}

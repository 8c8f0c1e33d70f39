import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsModule } from '../events/events.module';
import { PropensityModule } from '../propensity/propensity.module';
import { RunsModule } from '../runs/runs.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { InboxStreamService } from './inbox-stream.service';
import { TaskChangesService } from './task-changes.service';

@Module({
  imports: [RunsModule, AuthModule, EventsModule, PropensityModule],
  controllers: [InboxController],
  providers: [InboxService, InboxStreamService, TaskChangesService],
})
export class InboxModule {}

import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { LeadsModule } from '../leads/leads.module';
import { LinkedInRepliesController } from './linkedin-replies.controller';
import { LinkedInRepliesService } from './linkedin-replies.service';

@Module({
  imports: [EventsModule, LeadsModule],
  controllers: [LinkedInRepliesController],
  providers: [LinkedInRepliesService],
})
export class RepliesModule {}

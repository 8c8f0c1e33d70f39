import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { InboxStreamService } from './inbox-stream.service';
import { TaskChangesService } from './task-changes.service';

@Module({ imports: [RunsModule], controllers: [InboxController], providers: [InboxService, InboxStreamService, TaskChangesService] })
export class InboxModule {}

import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { OutboxDispatcherService } from './outbox-dispatcher.service';
import { OutboxHandlersService } from './outbox-handlers.service';
import { OutboxRetentionService } from './outbox-retention.service';

/** The outbox dispatcher and the pruning of delivered rows (both run inside the API process). */
@Module({
  imports: [RunsModule],
  providers: [OutboxDispatcherService, OutboxHandlersService, OutboxRetentionService],
  exports: [OutboxDispatcherService, OutboxRetentionService],
})
export class OutboxModule {}

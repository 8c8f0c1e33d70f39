import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { RunsModule } from '../runs/runs.module';
import { OutboxDeadLettersController } from './outbox-dead-letters.controller';
import { OutboxDeadLettersService } from './outbox-dead-letters.service';
import { OutboxDispatcherService } from './outbox-dispatcher.service';
import { OutboxHandlersService } from './outbox-handlers.service';
import { OutboxRetentionService } from './outbox-retention.service';

/** The outbox dispatcher, the pruning of delivered rows (both run inside the API process) and the dead letters for ops. */
@Module({
  imports: [RunsModule, LeadsModule],
  controllers: [OutboxDeadLettersController],
  providers: [OutboxDispatcherService, OutboxHandlersService, OutboxRetentionService, OutboxDeadLettersService],
  exports: [OutboxDispatcherService, OutboxRetentionService],
})
export class OutboxModule {}

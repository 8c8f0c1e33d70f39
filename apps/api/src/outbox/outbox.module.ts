import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { OutboxDispatcherService } from './outbox-dispatcher.service';
import { OutboxHandlersService } from './outbox-handlers.service';

/** The outbox dispatcher (runs inside the API process). */
@Module({
  imports: [RunsModule],
  providers: [OutboxDispatcherService, OutboxHandlersService],
  exports: [OutboxDispatcherService],
})
export class OutboxModule {}

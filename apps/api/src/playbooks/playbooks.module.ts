import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { PlaybookLifecycleService } from './playbook-lifecycle.service';
import { PlaybooksController } from './playbooks.controller';
import { PlaybooksService } from './playbooks.service';

@Module({
  imports: [RunsModule],
  controllers: [PlaybooksController],
  providers: [PlaybooksService, PlaybookLifecycleService],
  exports: [PlaybooksService, PlaybookLifecycleService],
})
export class PlaybooksModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RunsModule } from '../runs/runs.module';
import { PlaybookEntity } from './playbook.entity';
import { PlaybookLifecycleService } from './playbook-lifecycle.service';
import { PlaybookVersionEntity } from './playbook-version.entity';
import { PlaybooksController } from './playbooks.controller';
import { PlaybooksService } from './playbooks.service';
import { SegmentBindingEntity } from './segment-binding.entity';

@Module({
  imports: [TypeOrmModule.forFeature([PlaybookEntity, PlaybookVersionEntity, SegmentBindingEntity]), RunsModule],
  controllers: [PlaybooksController],
  providers: [PlaybooksService, PlaybookLifecycleService],
  exports: [PlaybooksService, PlaybookLifecycleService],
})
export class PlaybooksModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeadsModule } from '../leads/leads.module';
import { PlaybookEntity } from '../playbooks/playbook.entity';
import { PlaybookVersionEntity } from '../playbooks/playbook-version.entity';
import { RunEntity } from './run.entity';
import { RunLauncherService } from './run-launcher.service';
import { RunSignalsService } from './run-signals.service';
import { RunsController, TouchesController } from './runs.controller';
import { RunsService } from './runs.service';
import { TaskEntity } from './task.entity';
import { TouchEntity } from './touch.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RunEntity, TouchEntity, TaskEntity, PlaybookEntity, PlaybookVersionEntity]), LeadsModule],
  controllers: [RunsController, TouchesController],
  providers: [RunsService, RunLauncherService, RunSignalsService],
  exports: [RunsService, RunLauncherService, RunSignalsService],
})
export class RunsModule {}

import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { RunLauncherService } from './run-launcher.service';
import { RunSignalsService } from './run-signals.service';
import { RunsController, TouchesController } from './runs.controller';
import { RunsService } from './runs.service';

@Module({
  imports: [LeadsModule],
  controllers: [RunsController, TouchesController],
  providers: [RunsService, RunLauncherService, RunSignalsService],
  exports: [RunsService, RunLauncherService, RunSignalsService],
})
export class RunsModule {}

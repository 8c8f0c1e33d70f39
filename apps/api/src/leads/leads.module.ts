import { Module } from '@nestjs/common';
import { PropensityModule } from '../propensity/propensity.module';
import { LeadsController } from './leads.controller';
import { LeadAccessService } from './lead-access.service';
import { LeadIntakeStarter } from './lead-intake-starter';
import { LeadsService } from './leads.service';

@Module({
  imports: [PropensityModule],
  controllers: [LeadsController],
  providers: [LeadsService, LeadAccessService, LeadIntakeStarter],
  exports: [LeadsService, LeadAccessService, LeadIntakeStarter],
})
export class LeadsModule {}

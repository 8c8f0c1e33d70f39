import { Module } from '@nestjs/common';
import { PropensityModule } from '../propensity/propensity.module';
import { LeadAttributesController } from './lead-attributes.controller';
import { LeadAttributesService } from './lead-attributes.service';
import { LeadsController } from './leads.controller';
import { LeadAccessService } from './lead-access.service';
import { LeadIntakeStarter } from './lead-intake-starter';
import { LeadsService } from './leads.service';

@Module({
  imports: [PropensityModule],
  controllers: [LeadsController, LeadAttributesController],
  providers: [LeadsService, LeadAccessService, LeadIntakeStarter, LeadAttributesService],
  exports: [LeadsService, LeadAccessService, LeadIntakeStarter],
})
export class LeadsModule {}

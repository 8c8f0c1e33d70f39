import { Module } from '@nestjs/common';
import { LeadsController } from './leads.controller';
import { LeadAccessService } from './lead-access.service';
import { LeadIntakeStarter } from './lead-intake-starter';
import { LeadsService } from './leads.service';

@Module({
  controllers: [LeadsController],
  providers: [LeadsService, LeadAccessService, LeadIntakeStarter],
  exports: [LeadsService, LeadAccessService, LeadIntakeStarter],
})
export class LeadsModule {}

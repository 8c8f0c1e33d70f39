import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { LeadImportsController } from './lead-imports.controller';
import { LeadImportsService } from './lead-imports.service';

@Module({
  imports: [LeadsModule],
  controllers: [LeadImportsController],
  providers: [LeadImportsService],
})
export class LeadImportsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeadEntity } from '../database/lead.entity';
import { LeadsController } from './leads.controller';
import { LeadAccessService } from './lead-access.service';
import { LeadIntakeStarter } from './lead-intake-starter';
import { LeadsService } from './leads.service';

@Module({
  imports: [TypeOrmModule.forFeature([LeadEntity])],
  controllers: [LeadsController],
  providers: [LeadsService, LeadAccessService, LeadIntakeStarter],
  exports: [LeadsService, LeadAccessService, LeadIntakeStarter],
})
export class LeadsModule {}

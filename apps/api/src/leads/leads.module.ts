import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeadEntity } from '../database/lead.entity';
import { LeadsController } from './leads.controller';
import { LeadAccessService } from './lead-access.service';
import { LeadsService } from './leads.service';

@Module({
  imports: [TypeOrmModule.forFeature([LeadEntity])],
  controllers: [LeadsController],
  providers: [LeadsService, LeadAccessService],
  exports: [LeadsService, LeadAccessService],
})
export class LeadsModule {}

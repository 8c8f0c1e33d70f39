import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeadEntity } from '../database/lead.entity';
import { LeadsModule } from '../leads/leads.module';
import { LeadDetailController } from './lead-detail.controller';
import { LeadDetailService } from './lead-detail.service';

@Module({
  imports: [TypeOrmModule.forFeature([LeadEntity]), LeadsModule],
  controllers: [LeadDetailController],
  providers: [LeadDetailService],
})
export class FeaturesModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeadEntity } from '../database/lead.entity';
import { LeadDetailController } from './lead-detail.controller';
import { LeadDetailService } from './lead-detail.service';

@Module({
  imports: [TypeOrmModule.forFeature([LeadEntity])],
  controllers: [LeadDetailController],
  providers: [LeadDetailService],
})
export class FeaturesModule {}

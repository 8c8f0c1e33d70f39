import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { EventRetentionService } from './event-retention.service';
import { LeadErasureService } from './lead-erasure.service';
import { LeadExportService } from './lead-export.service';
import { PrivacyController } from './privacy.controller';

@Module({
  imports: [RunsModule],
  controllers: [PrivacyController],
  providers: [LeadExportService, LeadErasureService, EventRetentionService],
})
export class PrivacyModule {}

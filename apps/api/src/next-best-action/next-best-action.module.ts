import { Module } from '@nestjs/common';
import { PlaybooksModule } from '../playbooks/playbooks.module';
import { NextBestActionController } from './next-best-action.controller';
import { NextBestActionService } from './next-best-action.service';

@Module({
  imports: [PlaybooksModule],
  controllers: [NextBestActionController],
  providers: [NextBestActionService],
})
export class NextBestActionModule {}

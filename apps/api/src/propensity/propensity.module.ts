import { Module } from '@nestjs/common';
import { LeadPropensityService } from './lead-propensity.service';
import { SegmentBacktestService } from './segment-backtest.service';

/** Conversion propensity on read (leads list, lead detail, segments, the inbox ranking) and segment backtests. */
@Module({
  providers: [LeadPropensityService, SegmentBacktestService],
  exports: [LeadPropensityService, SegmentBacktestService],
})
export class PropensityModule {}

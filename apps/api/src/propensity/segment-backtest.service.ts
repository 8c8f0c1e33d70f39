import { Inject, Injectable } from '@nestjs/common';
import type { BacktestArm, SegmentBacktest, SegmentBacktestQuery } from '@segflow/api-contracts';
import { rateWithInterval } from '@segflow/scoring';
import { countSegmentEntryConversions, type BacktestArmRow } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const DAY_MS = 86_400_000;

function armOf(rows: readonly BacktestArmRow[], arm: BacktestArmRow['arm']): BacktestArm | null {
  const row = rows.find((r) => r.arm === arm);
  const interval = row && rateWithInterval(row.conversions, row.entries);
  return row && interval ? { entries: row.entries, conversions: row.conversions, ...interval } : null;
}

/** "How would this segment and playbook have converted": the segment's closed entries, by what the playbook did. */
@Injectable()
export class SegmentBacktestService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async backtest(segmentId: string, query: SegmentBacktestQuery, now: Date = new Date()): Promise<SegmentBacktest> {
    const horizonDays = query.horizonDays ?? this.config.PROPENSITY_HORIZON_DAYS;
    const goalEventType = this.config.PROPENSITY_GOAL_EVENT;
    const closedBefore = new Date(now.getTime() - horizonDays * DAY_MS);
    const rows = await countSegmentEntryConversions(this.dataSource.manager, {
      segmentId,
      playbookId: query.playbookId,
      goalEventType,
      horizonDays,
      enteredBy: closedBefore,
    });
    const withRun = armOf(rows, 'run');
    const heldOut = armOf(rows, 'heldOut');
    return {
      segmentId,
      playbookId: query.playbookId,
      goalEventType,
      horizonDays,
      closedBefore: closedBefore.toISOString(),
      withRun,
      heldOut,
      withoutRun: armOf(rows, 'none'),
      lift: withRun && heldOut ? withRun.rate - heldOut.rate : null,
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DrillDownQuery, LiftQuery, SummaryQuery, SummaryRow, TrendQuery } from './dashboard.dto';
import { drillDownSql, LIFT_SQL, summarySql, TREND_SQL } from './dashboard.sql';
import { wholeDays } from './whole-days';

/** Manager dashboards; every number is aggregated in Postgres (see dashboard.sql.ts). */
@Injectable()
export class DashboardsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  summary(q: SummaryQuery, now = new Date()): Promise<SummaryRow[]> {
    const days = wholeDays(q.from, q.to);
    return this.db.query(summarySql(q.groupBy), [q.from, q.to, now, days.from, days.to]);
  }

  trend(q: TrendQuery, now = new Date()) {
    return this.db.query(TREND_SQL, [q.from, q.to, now, q.bucket, q.segmentId ?? null, q.repId ?? null]);
  }

  leads(q: DrillDownQuery, now = new Date()) {
    return this.db.query(drillDownSql(q.groupBy), [q.from, q.to, now, q.key ?? null, q.breached, q.limit]);
  }

  async lift(q: LiftQuery) {
    const rows = await this.db.query(LIFT_SQL, [q.from, q.to]);
    return rows.map((r: { treatedRate: number | null; holdoutRate: number | null }) => ({
      ...r,
      lift: r.treatedRate !== null && r.holdoutRate !== null ? r.treatedRate - r.holdoutRate : null,
    }));
  }
}

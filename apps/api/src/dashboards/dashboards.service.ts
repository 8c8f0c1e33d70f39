import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeliveryQuery, DeliveryRow, DrillDownQuery, LiftQuery, SummaryQuery, SummaryRow, TrendQuery } from './dashboard.dto';
import { drillDownSql, LIFT_SQL, summarySql, TREND_SQL } from './dashboard.sql';
import { DELIVERY_SQL } from './delivery.sql';
import { wholeDays } from './whole-days';

/** Rows of `GET /dashboards/leads` when the query names no `limit`. */
export const DRILL_DOWN_PAGE = 500;
/** Rows a CSV export fetches from its cursor at a time: memory stays bounded however many rows it writes. */
export const CSV_BATCH_ROWS = 1_000;

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
    return this.db.query(drillDownSql(q.groupBy), drillDownParams(q, now, q.limit ?? DRILL_DOWN_PAGE));
  }

  /**
   * Every row of the drill-down (or `q.limit`), `batchSize` at a time from a server-side cursor: one connection and
   * one snapshot for the whole export, held until the last batch was taken (or the consumer stopped).
   */
  async *leadBatches(q: DrillDownQuery, now = new Date(), batchSize = CSV_BATCH_ROWS): AsyncGenerator<Record<string, unknown>[]> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`DECLARE drill_down NO SCROLL CURSOR FOR ${drillDownSql(q.groupBy)}`, drillDownParams(q, now, q.limit ?? null));
      for (;;) {
        const rows: Record<string, unknown>[] = await runner.query(`FETCH ${batchSize} FROM drill_down`);
        if (rows.length) yield rows;
        if (rows.length < batchSize) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  delivery(q: DeliveryQuery): Promise<DeliveryRow[]> {
    return this.db.query(DELIVERY_SQL, [q.playbookId ?? null, q.version ?? null, q.from ?? null, q.to ?? null]);
  }

  async lift(q: LiftQuery) {
    const rows = await this.db.query(LIFT_SQL, [q.from, q.to]);
    return rows.map((r: { treatedRate: number | null; holdoutRate: number | null }) => ({
      ...r,
      lift: r.treatedRate !== null && r.holdoutRate !== null ? r.treatedRate - r.holdoutRate : null,
    }));
  }
}

function drillDownParams(q: DrillDownQuery, now: Date, limit: number | null): unknown[] {
  return [q.from, q.to, now, q.key ?? null, q.breached, limit];
}

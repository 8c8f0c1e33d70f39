import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  dashboardTrend,
  deliveryFigures,
  fetchDrillDownRows,
  liftByPlaybook,
  listDrillDown,
  openDrillDownCursor,
  splitArmsByPlaybook,
  summarizeDashboard,
  type SplitArmCountsRow,
  type DrillDownFilter,
  type DrillDownRow,
  type TrendRow,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import type { LiftRow, SplitArmRow } from '@segflow/api-contracts';
import { compareArms } from '@segflow/scoring';
import {
  DeliveryQuery,
  DeliveryRow,
  DrillDownQuery,
  LiftQuery,
  SummaryQuery,
  SummaryRow,
  TrendQuery,
} from './dashboard.dto';
import { wholeDays } from './whole-days';

/** Rows of `GET /dashboards/leads` when the query names no `limit`. */
export const DRILL_DOWN_PAGE = 500;
/** Rows a CSV export fetches from its cursor at a time: memory stays bounded however many rows it writes. */
export const CSV_BATCH_ROWS = 1_000;

/** Manager dashboards; every number is aggregated in Postgres (libs/stores dashboards.store.ts, delivery.store.ts). */
@Injectable()
export class DashboardsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  summary(q: SummaryQuery, now = new Date()): Promise<SummaryRow[]> {
    return summarizeDashboard(this.db, q.groupBy, { from: q.from, to: q.to, now, wholeDays: wholeDays(q.from, q.to) });
  }

  trend(q: TrendQuery, now = new Date()): Promise<TrendRow[]> {
    return dashboardTrend(this.db, {
      from: q.from,
      to: q.to,
      now,
      bucket: q.bucket,
      segmentId: q.segmentId ?? null,
      repId: q.repId ?? null,
      row: q.groupBy && q.key !== undefined ? { groupBy: q.groupBy, key: q.key } : null,
    });
  }

  leads(q: DrillDownQuery, now = new Date()): Promise<DrillDownRow[]> {
    return listDrillDown(this.db, drillDownFilter(q, now, q.limit ?? DRILL_DOWN_PAGE));
  }

  /**
   * Every row of the drill-down (or `q.limit`), `batchSize` at a time from a server-side cursor: one connection and
   * one snapshot for the whole export, held until the last batch was taken (or the consumer stopped).
   */
  async *leadBatches(q: DrillDownQuery, now = new Date(), batchSize = CSV_BATCH_ROWS): AsyncGenerator<DrillDownRow[]> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await openDrillDownCursor(runner, drillDownFilter(q, now, q.limit ?? null));
      for (;;) {
        const rows = await fetchDrillDownRows(runner, batchSize);
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
    return deliveryFigures(this.db, {
      playbookId: q.playbookId ?? null,
      version: q.version ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
    });
  }

  /** Treated vs holdout per segment and playbook, with intervals and a test (libs/scoring compareArms). */
  async lift(q: LiftQuery): Promise<LiftRow[]> {
    const rows = await liftByPlaybook(this.db, { from: q.from, to: q.to });
    return rows.map(({ treated, holdout, ...names }) => ({ ...names, comparison: compareArms(treated, holdout) }));
  }

  /** Each variant of each split node against the node's first variant (the control). */
  async splitArms(q: LiftQuery): Promise<SplitArmRow[]> {
    const rows = await splitArmsByPlaybook(this.db, { from: q.from, to: q.to });
    const controls = new Map(rows.filter((r) => r.variantIndex === 1).map((r) => [splitKey(r), r]));
    return rows.flatMap((row) => {
      const control = controls.get(splitKey(row));
      if (!control || row === control) return [];
      return [
        {
          playbookId: row.playbookId,
          playbookName: row.playbookName,
          playbookVersion: row.playbookVersion,
          nodeId: row.nodeId,
          variant: row.variant,
          label: row.label,
          controlVariant: control.variant,
          controlLabel: control.label,
          comparison: compareArms(row.counts, control.counts),
        },
      ];
    });
  }
}

const splitKey = (row: SplitArmCountsRow) => `${row.playbookId}:${row.playbookVersion}:${row.nodeId}`;

function drillDownFilter(q: DrillDownQuery, now: Date, limit: number | null): DrillDownFilter {
  return { from: q.from, to: q.to, now, groupBy: q.groupBy, key: q.key ?? null, breached: q.breached, limit };
}

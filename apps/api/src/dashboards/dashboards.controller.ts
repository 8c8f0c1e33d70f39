import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DrillDownRow } from '@segflow/stores';
import { Roles } from '../auth/auth.decorators';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import type { DrillDownLead, LiftRow, SplitArmRow, TrendPoint } from '@segflow/api-contracts';
import {
  DeliveryQuery,
  deliveryQuerySchema,
  DeliveryRow,
  DrillDownQuery,
  drillDownQuerySchema,
  LiftQuery,
  liftQuerySchema,
  SummaryQuery,
  summaryQuerySchema,
  SummaryRow,
  toDrillDownLead,
  toTrendPoint,
  TrendQuery,
  trendQuerySchema,
} from './dashboard.dto';
import { DashboardsService } from './dashboards.service';
import { streamCsv, toCsv } from './to-csv';

const SUMMARY_COLUMNS: (keyof SummaryRow)[] = [
  'key',
  'label',
  'entries',
  'touched',
  'ttftP50Ms',
  'ttftP90Ms',
  'systemDelayP50Ms',
  'humanDelayP50Ms',
  'breaches',
  'breachRate',
  'touches',
  'replies',
  'meetings',
  'conversions',
];
const LEAD_COLUMNS: (keyof DrillDownRow)[] = [
  'leadId',
  'leadName',
  'company',
  'segmentName',
  'repName',
  'playbookId',
  'playbookVersion',
  'channel',
  'enteredAt',
  'dueAt',
  'firstTouchAt',
  'firstTouchKind',
  'ttftMs',
  'systemDelayMs',
  'humanDelayMs',
  'breached',
];

@ApiTags('dashboards')
@Controller('dashboards')
@Roles('manager')
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  @Get('summary')
  @ApiOperation({
    summary: 'TTFT p50/p90, breach rate, touches, replies, meetings, conversions by segment|playbook|rep|channel',
  })
  summary(@Query(new ZodBodyPipe(summaryQuerySchema)) q: SummaryQuery): Promise<SummaryRow[]> {
    return this.dashboards.summary(q);
  }

  @Get('summary.csv')
  // The CSV headers travel with the file, not as @Header: those are set before the pipe runs, so a refused query's
  // JSON 400 went out as text/csv, which Fastify cannot serialize (a 500).
  async summaryCsv(@Query(new ZodBodyPipe(summaryQuerySchema)) q: SummaryQuery): Promise<StreamableFile> {
    const csv = toCsv(await this.dashboards.summary(q), SUMMARY_COLUMNS);
    return new StreamableFile(Buffer.from(csv), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="segflow-summary.csv"',
    });
  }

  @Get('trend')
  @ApiOperation({ summary: 'Entries, TTFT p50/p90 and breach rate per day or week' })
  async trend(@Query(new ZodBodyPipe(trendQuerySchema)) q: TrendQuery): Promise<TrendPoint[]> {
    return (await this.dashboards.trend(q)).map(toTrendPoint);
  }

  @Get('leads')
  @ApiOperation({ summary: 'Drill-down: the leads behind a summary row (groupBy + key), optionally only breached' })
  async leads(@Query(new ZodBodyPipe(drillDownQuerySchema)) q: DrillDownQuery): Promise<DrillDownLead[]> {
    return (await this.dashboards.leads(q)).map(toDrillDownLead);
  }

  @Get('leads.csv')
  @ApiOperation({
    summary:
      'The drill-down as CSV: every row (or `limit`), streamed from a cursor; UTF-8 with BOM, formula cells escaped',
  })
  leadsCsv(@Query(new ZodBodyPipe(drillDownQuerySchema)) q: DrillDownQuery): StreamableFile {
    const csv = Readable.from(streamCsv(this.dashboards.leadBatches(q), LEAD_COLUMNS));
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="segflow-leads.csv"',
    });
  }

  @Get('delivery')
  @Roles('manager', 'ops')
  @ApiOperation({
    summary:
      'Touches by delivery status and delivered/open/click/reply/bounce/failed/suppressed rates per playbook version × channel × node (nodeId null: all nodes)',
  })
  delivery(@Query(new ZodBodyPipe(deliveryQuerySchema)) q: DeliveryQuery): Promise<DeliveryRow[]> {
    return this.dashboards.delivery(q);
  }

  @Get('lift')
  @ApiOperation({
    summary:
      'Treated vs holdout per segment and playbook (runs started in the range): conversions, meetings and replies with Wilson intervals, the difference with its Newcombe interval and z-test p; tooFewLeads below the minimum per arm',
  })
  lift(@Query(new ZodBodyPipe(liftQuerySchema)) q: LiftQuery): Promise<LiftRow[]> {
    return this.dashboards.lift(q);
  }

  @Get('split-arms')
  @ApiOperation({
    summary:
      "Each variant of each A/B split node vs the node's first variant, on the lift's outcomes, intervals and test",
  })
  splitArms(@Query(new ZodBodyPipe(liftQuerySchema)) q: LiftQuery): Promise<SplitArmRow[]> {
    return this.dashboards.splitArms(q);
  }
}

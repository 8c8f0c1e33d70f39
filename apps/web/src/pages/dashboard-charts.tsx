import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ComposedChart, ErrorBar, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { ArmDatum, SummaryDatum, TrendDatum } from '../figures/dashboard-series';
import { ChartFigure, type Column } from './chart-figure';

const BLUE = '#3d5afe';
const LIGHT_BLUE = '#9fb0ff';
const RED = '#b42318';
const GREEN = '#15803d';
const AMBER = '#b45309';
const GREY = '#64748b';
const AXIS_LABEL = { fill: '#5b6478', fontSize: 11 };

const rowsHeight = (rows: number) => 70 + rows * 34;

/** Horizontal bars per summary row (or compared pair) on one numeric axis: `children` are the bars. */
function RowsBarChart<T>(props: {
  title: string;
  data: T[];
  columns: Column<T>[];
  empty: string;
  axis: { label: string; percent?: boolean; integers?: boolean };
  children: ReactNode;
}) {
  const { title, data, columns, empty, axis, children } = props;
  return (
    <ChartFigure title={title} data={data} height={rowsHeight(data.length)} empty={empty} columns={columns}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 20, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          {...(axis.percent ? { domain: [0, 100], unit: '%' } : {})}
          allowDecimals={!axis.integers}
          tick={AXIS_LABEL}
          label={{ value: axis.label, position: 'insideBottom', offset: -12, ...AXIS_LABEL }}
        />
        <YAxis type="category" dataKey="label" width={150} tick={AXIS_LABEL} interval={0} />
        <Tooltip />
        <Legend verticalAlign="top" />
        {children}
      </BarChart>
    </ChartFigure>
  );
}

/** Time to first touch (p50 and p90, minutes) per summary row. */
export function TtftByRowChart({ data, dimension }: { data: SummaryDatum[]; dimension: string }) {
  return (
    <RowsBarChart
      title={`Time to first touch by ${dimension.toLowerCase()}`}
      data={data}
      empty="No entries in this range."
      axis={{ label: 'minutes from entry to first touch' }}
      columns={[
        { header: dimension, value: (d) => d.label },
        { header: 'TTFT p50 (min)', value: (d) => d.ttftP50Min },
        { header: 'TTFT p90 (min)', value: (d) => d.ttftP90Min },
      ]}
    >
      <Bar dataKey="ttftP50Min" name="TTFT p50" unit=" min" fill={BLUE} isAnimationActive={false} />
      <Bar dataKey="ttftP90Min" name="TTFT p90" unit=" min" fill={LIGHT_BLUE} isAnimationActive={false} />
    </RowsBarChart>
  );
}

/** Breach rate (%) per summary row. */
export function BreachesByRowChart({ data, dimension }: { data: SummaryDatum[]; dimension: string }) {
  return (
    <RowsBarChart
      title={`SLA breaches by ${dimension.toLowerCase()}`}
      data={data}
      empty="No entries in this range."
      axis={{ label: '% of decided entries breached', percent: true }}
      columns={[
        { header: dimension, value: (d) => d.label },
        { header: 'Breach rate (%)', value: (d) => d.breachPct },
        { header: 'Breaches', value: (d) => d.breaches },
      ]}
    >
      <Bar dataKey="breachPct" name="Breach rate" unit="%" fill={RED} isAnimationActive={false} />
    </RowsBarChart>
  );
}

/** Touches sent and the replies, meetings and conversions they led to, per summary row. */
export function OutcomesByRowChart({ data, dimension }: { data: SummaryDatum[]; dimension: string }) {
  return (
    <RowsBarChart
      title={`Touches and outcomes by ${dimension.toLowerCase()}`}
      data={data}
      empty="No touches or outcomes in this range."
      axis={{ label: 'count', integers: true }}
      columns={[
        { header: dimension, value: (d) => d.label },
        { header: 'Touches', value: (d) => d.touches },
        { header: 'Replies', value: (d) => d.replies },
        { header: 'Meetings', value: (d) => d.meetings },
        { header: 'Conversions', value: (d) => d.conversions },
      ]}
    >
      <Bar dataKey="touches" name="Touches" fill={GREY} isAnimationActive={false} />
      <Bar dataKey="replies" name="Replies" fill={BLUE} isAnimationActive={false} />
      <Bar dataKey="meetings" name="Meetings" fill={AMBER} isAnimationActive={false} />
      <Bar dataKey="conversions" name="Conversions" fill={GREEN} isAnimationActive={false} />
    </RowsBarChart>
  );
}

const BUCKET_NAMES = { hour: 'hour', day: 'day', week: 'week' } as const;

type Bucket = keyof typeof BUCKET_NAMES;

/** One chart over the trend's buckets: the bucket axis, a grid, tooltip and legend; `children` are its axes and series. */
function BucketsChart(props: {
  title: string;
  data: TrendDatum[];
  bucket: Bucket;
  columns: Column<TrendDatum>[];
  children: ReactNode;
}) {
  const { title, data, bucket, columns, children } = props;
  const axisName = `${BUCKET_NAMES[bucket]} (UTC)`;
  return (
    <ChartFigure
      title={title}
      data={data}
      height={260}
      empty="No days in this range."
      columns={[{ header: axisName, value: (d) => d.bucket }, ...columns]}
    >
      <ComposedChart data={data} margin={{ top: 4, right: 8, bottom: 20, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          tick={AXIS_LABEL}
          minTickGap={12}
          label={{ value: axisName, position: 'insideBottom', offset: -12, ...AXIS_LABEL }}
        />
        <Tooltip />
        <Legend verticalAlign="top" />
        {children}
      </ComposedChart>
    </ChartFigure>
  );
}

/**
 * Entries (bars) and breach rate (line) per bucket. Every bucket of the range is plotted (see trendSeries), and points
 * carry dots, so a one-day range shows its hours and a lone measured bucket shows as a dot rather than no line.
 */
export function EntriesTrendChart({ data, bucket, subject }: { data: TrendDatum[]; bucket: Bucket; subject: string }) {
  return (
    <BucketsChart
      title={`Entries and breach rate per ${BUCKET_NAMES[bucket]} (${subject})`}
      data={data}
      bucket={bucket}
      columns={[
        { header: 'Entries', value: (d) => d.entries },
        { header: 'Breach rate (%)', value: (d) => d.breachPct },
      ]}
    >
      <YAxis
        yAxisId="entries"
        allowDecimals={false}
        tick={AXIS_LABEL}
        label={{ value: 'entries', angle: -90, position: 'insideLeft', ...AXIS_LABEL }}
      />
      <YAxis
        yAxisId="pct"
        orientation="right"
        domain={[0, 100]}
        unit="%"
        tick={AXIS_LABEL}
        label={{ value: 'breached', angle: 90, position: 'insideRight', ...AXIS_LABEL }}
      />
      <Bar yAxisId="entries" dataKey="entries" name="Entries" fill={LIGHT_BLUE} isAnimationActive={false} />
      <Line
        yAxisId="pct"
        dataKey="breachPct"
        name="Breach rate"
        unit="%"
        stroke={RED}
        dot={{ r: 3 }}
        isAnimationActive={false}
      />
    </BucketsChart>
  );
}

/** TTFT p50 and p90 (minutes) per bucket; buckets without entries have no point, so the lines break there. */
export function TtftTrendChart({ data, bucket, subject }: { data: TrendDatum[]; bucket: Bucket; subject: string }) {
  return (
    <BucketsChart
      title={`Time to first touch per ${BUCKET_NAMES[bucket]} (${subject})`}
      data={data}
      bucket={bucket}
      columns={[
        { header: 'TTFT p50 (min)', value: (d) => d.ttftP50Min },
        { header: 'TTFT p90 (min)', value: (d) => d.ttftP90Min },
      ]}
    >
      <YAxis tick={AXIS_LABEL} label={{ value: 'minutes', angle: -90, position: 'insideLeft', ...AXIS_LABEL }} />
      <Line dataKey="ttftP50Min" name="TTFT p50" unit=" min" stroke={BLUE} dot={{ r: 3 }} isAnimationActive={false} />
      <Line
        dataKey="ttftP90Min"
        name="TTFT p90"
        unit=" min"
        stroke={LIGHT_BLUE}
        strokeDasharray="4 3"
        dot={{ r: 3 }}
        isAnimationActive={false}
      />
    </BucketsChart>
  );
}

/** Conversion rate per arm with its 95 % Wilson interval as an error bar, per measured comparison. */
export function ArmIntervalsChart(props: { title: string; data: ArmDatum[]; armName: string; controlName: string }) {
  const { title, data, armName, controlName } = props;
  return (
    <RowsBarChart
      title={title}
      data={data}
      empty="No comparison has enough leads in both arms yet."
      axis={{ label: '% converted (95% interval)', percent: true }}
      columns={[
        { header: 'Compared', value: (d) => d.label },
        { header: `${armName} (%)`, value: (d) => d.armPct },
        { header: `${controlName} (%)`, value: (d) => d.controlPct },
      ]}
    >
      <Bar dataKey="armPct" name={armName} unit="%" fill={BLUE} isAnimationActive={false}>
        <ErrorBar dataKey="armError" width={6} stroke="#1e293b" />
      </Bar>
      <Bar dataKey="controlPct" name={controlName} unit="%" fill={GREY} isAnimationActive={false}>
        <ErrorBar dataKey="controlError" width={6} stroke="#1e293b" />
      </Bar>
    </RowsBarChart>
  );
}

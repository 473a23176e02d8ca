import { MetricSeries } from '@justmanage/plugin-dbaas-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import { useRef } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartDefinition } from './chartDefinitions';
import { formatMetric } from './formatMetric';
import { useElementWidth } from './useElementWidth';

const HEIGHT = 160;
const DAY_MS = 86_400_000;

const useStyles = makeStyles(theme => ({
  figure: { margin: 0 },
  // a long headline ("in 1.2 KiB/s · out 3.4 KiB/s") wraps under the
  // title on a narrow card instead of running over it
  caption: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    columnGap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
  empty: {
    height: HEIGHT,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
  },
}));

type Row = { time: number } & Record<string, number>;

/** The series of one chart as rows of a shared time axis: recharts' shape. */
function rowsOf(chart: ChartDefinition, series: MetricSeries[]): Row[] {
  const byTime = new Map<number, Row>();
  const metrics = [...chart.lines, ...(chart.limit ? [chart.limit] : [])];
  for (const { metric } of metrics) {
    for (const point of series.find(s => s.metric === metric)?.points ?? []) {
      const time = Date.parse(point.time);
      const row = byTime.get(time) ?? ({ time } as Row);
      row[metric] = point.avg;
      byTime.set(time, row);
    }
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/** The newest value of each line, as the chart's headline. */
function headline(chart: ChartDefinition, rows: Row[]): string {
  const newest = (metric: string) =>
    [...rows].reverse().find(r => r[metric] !== undefined)?.[metric];
  const parts = chart.lines.flatMap(line => {
    const value = newest(line.metric);
    if (value === undefined) return [];
    const text = formatMetric(value, chart.unit);
    return [chart.lines.length > 1 ? `${line.label} ${text}` : text];
  });
  const limit = chart.limit && newest(chart.limit.metric);
  if (parts.length && limit !== undefined) {
    parts[0] = `${parts[0]} of ${formatMetric(limit, chart.unit)}`;
  }
  return parts.join(' · ');
}

/**
 * One metric chart: the average of each step as a line, a limit (maxmemory)
 * dashed, and the newest figures above it. Gaps in the data (a restart,
 * an unreachable instance) stay gaps instead of being bridged.
 */
export function MetricChart(props: {
  chart: ChartDefinition;
  series: MetricSeries[];
  from: number;
  to: number;
}) {
  const { chart, series, from, to } = props;
  const classes = useStyles();
  const theme = useTheme();
  const frame = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frame, 360);
  const rows = rowsOf(chart, series);
  const colors = [theme.palette.primary.main, theme.palette.secondary.main];
  const timeFormat = to - from > DAY_MS ? 'ccc HH:mm' : 'HH:mm';
  const format = (value: number) => formatMetric(value, chart.unit);

  return (
    <figure className={classes.figure} aria-label={chart.title}>
      <figcaption className={classes.caption}>
        <Typography variant="subtitle2">{chart.title}</Typography>
        <Typography variant="body2" color="textSecondary">
          {headline(chart, rows)}
        </Typography>
      </figcaption>
      <div ref={frame}>
        {rows.length === 0 ? (
          <Typography
            className={classes.empty}
            variant="body2"
            color="textSecondary"
          >
            No data in this range
          </Typography>
        ) : (
          <LineChart
            width={width}
            height={HEIGHT}
            data={rows}
            margin={{ top: 4, right: 8, bottom: 0, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={[from, to]}
              tickFormatter={t => DateTime.fromMillis(t).toFormat(timeFormat)}
              minTickGap={40}
            />
            <YAxis
              tickFormatter={format}
              width={72}
              domain={chart.unit === 'ratio' ? [0, 1] : [0, 'auto']}
            />
            <Tooltip
              labelFormatter={t =>
                DateTime.fromMillis(Number(t)).toFormat('ccc d LLL HH:mm:ss')
              }
              formatter={(value: number) => format(value)}
            />
            {chart.lines.map((line, i) => (
              <Line
                key={line.metric}
                dataKey={line.metric}
                name={line.label}
                stroke={colors[i % colors.length]}
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
            {chart.limit && (
              <Line
                dataKey={chart.limit.metric}
                name={chart.limit.label}
                stroke={theme.palette.error.main}
                strokeDasharray="6 4"
                dot={false}
                isAnimationActive={false}
              />
            )}
          </LineChart>
        )}
      </div>
    </figure>
  );
}

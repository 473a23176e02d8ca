import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Instance } from '@justmanage/plugin-dbaas-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useState } from 'react';
import { CHARTS } from './chartDefinitions';
import { MetricChart } from './MetricChart';
import { METRIC_RANGES, MetricRange } from './metricRanges';
import { useMetricSeries } from './useMetricSeries';

function formatStep(seconds: number): string {
  return seconds < 60
    ? `${seconds} s`
    : `${Math.round((seconds / 60) * 10) / 10} min`;
}

function RangePicker(props: {
  value: MetricRange;
  onChange: (range: MetricRange) => void;
}) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={props.value.id}
      aria-label="time range"
      onChange={(_event, id) => {
        const range = METRIC_RANGES.find(r => r.id === id);
        if (range) props.onChange(range);
      }}
    >
      {METRIC_RANGES.map(range => (
        <ToggleButton key={range.id} value={range.id} aria-label={range.label}>
          {range.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

/**
 * The Metrics section of the Redis tab: CPU, memory against maxmemory,
 * operations, clients, keys, hit ratio, evictions, network and disk over
 * the last hour, 6 hours, day or week, from the collector's samples.
 */
export function MetricsSection(props: { instance: Instance }) {
  const [range, setRange] = useState<MetricRange>(METRIC_RANGES[0]);
  const { value, error } = useMetricSeries(props.instance.id, range);

  let content;
  if (error && !value) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    content = <Progress />;
  } else if (value.series.every(s => s.points.length === 0)) {
    content = (
      <Typography variant="body2">
        No metrics collected in this range yet. The collector reads every
        instance every few seconds; figures appear shortly after it starts.
      </Typography>
    );
  } else {
    const from = Date.parse(value.from);
    const to = Date.parse(value.to);
    content = (
      <Grid container spacing={3}>
        {CHARTS.map(chart => (
          <Grid item xs={12} md={6} lg={4} key={chart.title}>
            <MetricChart
              chart={chart}
              series={value.series}
              from={from}
              to={to}
            />
          </Grid>
        ))}
      </Grid>
    );
  }
  return (
    <InfoCard
      title="Metrics"
      subheader={
        value ? `${formatStep(value.stepSeconds)} per point` : undefined
      }
      action={<RangePicker value={range} onChange={setRange} />}
    >
      {content}
    </InfoCard>
  );
}

import { formatBytes } from '../formatBytes';

/** How a chart's values read: on its axis and in its headline. */
export type MetricUnit =
  | 'percent'
  | 'ratio'
  | 'bytes'
  | 'bytesPerSecond'
  | 'perSecond'
  | 'count';

const compact = new Intl.NumberFormat('en', {
  notation: 'compact',
  maximumFractionDigits: 1,
});
const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export function formatMetric(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'percent':
      return `${plain.format(value)} %`;
    case 'ratio':
      return `${plain.format(value * 100)} %`;
    case 'bytes':
      return formatBytes(value);
    case 'bytesPerSecond':
      return `${formatBytes(value)}/s`;
    case 'perSecond':
      return `${value >= 1000 ? compact.format(value) : plain.format(value)}/s`;
    default:
      return value >= 10_000 ? compact.format(value) : plain.format(value);
  }
}

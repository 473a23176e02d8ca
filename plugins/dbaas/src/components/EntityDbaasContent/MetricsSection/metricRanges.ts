/** The ranges the Metrics section offers. */
export interface MetricRange {
  id: '1h' | '6h' | '24h' | '7d';
  label: string;
  ms: number;
}

const HOUR = 3_600_000;

export const METRIC_RANGES: MetricRange[] = [
  { id: '1h', label: '1 h', ms: HOUR },
  { id: '6h', label: '6 h', ms: 6 * HOUR },
  { id: '24h', label: '24 h', ms: 24 * HOUR },
  { id: '7d', label: '7 d', ms: 7 * 24 * HOUR },
];

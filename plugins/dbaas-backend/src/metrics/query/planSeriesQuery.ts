import { InputError } from '@backstage/errors';
import {
  isMetricName,
  METRIC_NAMES,
  MetricName,
} from '@justmanage/plugin-dbaas-common';
import { BUCKET_MS } from '../store/tables';
import { SeriesQuery } from '../store/SeriesReader';

/** Prometheus's bound on points per series, for the same reason: responses stay small. */
export const MAX_POINTS = 11_000;

/** About this many points when the caller leaves the step to us: enough for a chart. */
const AUTO_POINTS = 300;

const DEFAULT_RANGE_MS = 3_600_000;

const RAW_SLACK_MS = 5 * 60_000;

/** The query string of GET /instances/{id}/metrics. */
export interface SeriesParams {
  metric?: string;
  from?: string;
  to?: string;
  step?: string | number;
}

/** What the plan needs to know of the deployment. */
export interface SeriesLimits {
  now: number;
  intervalSeconds: number;
  rawRetentionMs: number;
  rollupRetentionMs: number;
}

function parseTime(field: string, value: string | undefined, fallback: number) {
  if (value === undefined || value === '') return fallback;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d\d-\d\dT/.test(value) || Number.isNaN(ms)) {
    throw new InputError(
      `${field}: must be an ISO 8601 date-time such as 2026-11-21T10:00:00Z, got '${value}'`,
    );
  }
  return ms;
}

function parseMetrics(value: string | undefined): MetricName[] {
  if (value === undefined || value.trim() === '') return [...METRIC_NAMES];
  const names = [...new Set(value.split(',').map(v => v.trim()))];
  const unknown = names.filter(n => !isMetricName(n));
  if (unknown.length || names.includes('')) {
    throw new InputError(
      `metric: unknown metric ${unknown
        .map(n => `'${n}'`)
        .join(', ')}; known metrics: ${METRIC_NAMES.join(', ')}`,
    );
  }
  return names as MetricName[];
}

/**
 * Validates a series query and decides where to read it from. Raw samples
 * answer whenever the whole range is still within their retention, at any
 * step: they are complete up to the last collection, while rollups trail
 * by a few minutes. Older ranges are read from the 5-minute rollups, with
 * the step rounded up to whole buckets.
 */
export function planSeriesQuery(
  instanceId: string,
  params: SeriesParams,
  limits: SeriesLimits,
): SeriesQuery {
  const metrics = parseMetrics(params.metric);
  const toMs = parseTime('to', params.to, limits.now);
  const fromMs = parseTime('from', params.from, toMs - DEFAULT_RANGE_MS);
  if (fromMs >= toMs) {
    throw new InputError('from: must be before to');
  }
  if (toMs - fromMs > limits.rollupRetentionMs) {
    throw new InputError(
      `from: the range may span at most ${
        limits.rollupRetentionMs / 86_400_000
      } days, how long rollups are kept`,
    );
  }
  const rangeMs = toMs - fromMs;

  let stepMs: number;
  if (params.step === undefined || params.step === '') {
    const intervalMs = limits.intervalSeconds * 1000;
    stepMs = Math.max(
      intervalMs,
      Math.ceil(rangeMs / AUTO_POINTS / intervalMs) * intervalMs,
    );
  } else {
    const seconds = Number(params.step);
    if (!Number.isInteger(seconds) || seconds < 1) {
      throw new InputError(
        `step: must be a whole number of seconds >= 1, got '${params.step}'`,
      );
    }
    stepMs = seconds * 1000;
  }
  if (rangeMs / stepMs > MAX_POINTS) {
    throw new InputError(
      `step: too small for the range; at most ${MAX_POINTS} points, so at least ${Math.ceil(
        rangeMs / MAX_POINTS / 1000,
      )} seconds`,
    );
  }

  // The retention job runs every few minutes, so raw samples reach back
  // at least that much further; a "last 24 hours" asked a moment ago by a
  // browser still counts as covered.
  const rawCovers = fromMs >= limits.now - limits.rawRetentionMs - RAW_SLACK_MS;
  const resolution = rawCovers ? 'raw' : 'rollup';
  if (resolution === 'rollup') {
    stepMs = Math.ceil(stepMs / BUCKET_MS) * BUCKET_MS;
  }
  return { instanceId, metrics, fromMs, toMs, stepMs, resolution };
}

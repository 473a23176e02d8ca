import { useApi } from '@backstage/core-plugin-api';
import { MetricSeriesResponse } from '@justmanage/plugin-dbaas-common';
import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef } from '../../../api';
import { CHARTED_METRICS } from './chartDefinitions';
import { MetricRange } from './metricRanges';

/** The collector's default interval: newer points cannot appear sooner. */
export const METRICS_REFRESH_MS = 15_000;

/**
 * The charted series over `range`, ending now, reloaded every interval.
 * The previous answer stays on screen while the next one loads.
 */
export function useMetricSeries(instanceId: string, range: MetricRange) {
  const api = useApi(dbaasApiRef);
  const state = useAsyncRetry(async (): Promise<MetricSeriesResponse> => {
    const to = Date.now();
    return api.getMetricSeries(instanceId, {
      query: {
        metric: CHARTED_METRICS.join(','),
        from: new Date(to - range.ms).toISOString(),
        to: new Date(to).toISOString(),
      },
    });
  }, [api, instanceId, range.ms]);
  const { loading, retry } = state;
  useEffect(() => {
    if (loading) return undefined;
    const timer = setTimeout(retry, METRICS_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [loading, retry]);
  return state;
}

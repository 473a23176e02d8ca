import { http, HttpResponse } from 'msw';
import { DBAAS_URL } from '../../__testUtils__/backend';

/**
 * The series of an instance the collector has not read yet, for tests of
 * pages that show the Metrics section beside what they test.
 */
export function noMetricsHandler() {
  return http.get(
    `${DBAAS_URL}/instances/:id/metrics`,
    ({ params, request }) => {
      const query = new URL(request.url).searchParams;
      return HttpResponse.json({
        instanceId: params.id,
        from: query.get('from'),
        to: query.get('to'),
        stepSeconds: 15,
        resolution: 'raw',
        series: [],
      });
    },
  );
}

import {
  Alert,
  AlertRuleSettings,
  DEFAULT_ALERT_RULES,
  InstanceAvailability,
  InstanceStatusSummary,
} from '@justmanage/plugin-dbaas-common';
import { http, HttpResponse } from 'msw';

const DBAAS_URL = 'http://localhost:7007/api/dbaas';

/**
 * The availability and alert endpoints, answering with what a test gives
 * and otherwise as for a fleet where nothing ever failed: for tests of
 * pages that show them beside what they are about.
 */
export function monitoringHandlers(
  options: {
    status?: InstanceStatusSummary[];
    alerts?: Alert[];
    availability?: Omit<InstanceAvailability, 'instanceId'>;
    rules?: AlertRuleSettings;
  } = {},
) {
  const filtered = (request: Request, alerts: Alert[]) => {
    const state = new URL(request.url).searchParams.get('state');
    return alerts.filter(a => !state || a.state === state);
  };
  return [
    http.get(`${DBAAS_URL}/status`, () =>
      HttpResponse.json({ items: options.status ?? [] }),
    ),
    http.get(`${DBAAS_URL}/alerts`, ({ request }) =>
      HttpResponse.json({ items: filtered(request, options.alerts ?? []) }),
    ),
    http.get(`${DBAAS_URL}/instances/:id/availability`, ({ params }) =>
      HttpResponse.json({
        instanceId: params.id,
        ...(options.availability ?? { incidents: [] }),
      }),
    ),
    http.get(`${DBAAS_URL}/instances/:id/alerts`, ({ request, params }) =>
      HttpResponse.json({
        items: filtered(
          request,
          (options.alerts ?? []).filter(a => a.instanceId === params.id),
        ),
      }),
    ),
    http.get(`${DBAAS_URL}/instances/:id/alert-rules`, () =>
      HttpResponse.json(
        options.rules ?? {
          rules: DEFAULT_ALERT_RULES,
          defaults: DEFAULT_ALERT_RULES,
          overrides: {},
        },
      ),
    ),
  ];
}

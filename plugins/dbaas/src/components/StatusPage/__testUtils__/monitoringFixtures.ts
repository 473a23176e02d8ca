import type {
  Alert,
  Incident,
  InstanceStatusSummary,
} from '@justmanage/plugin-dbaas-common';

const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

export function anIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: '1',
    instanceId: 'id-queue-b',
    startedAt: minutesAgo(12),
    durationSeconds: 12 * 60,
    failedChecks: 72,
    error: 'connect ECONNREFUSED 127.0.0.1:7101',
    ...overrides,
  };
}

export function aSummary(
  overrides: Partial<InstanceStatusSummary> = {},
): InstanceStatusSummary {
  return {
    instanceId: 'id-cache-a',
    name: 'cache-a',
    owner: 'group:default/team-a',
    status: 'running',
    up: true,
    lastCheckedAt: minutesAgo(0),
    uptime24h: 100,
    uptime7d: 99.95,
    firingAlerts: 0,
    ...overrides,
  };
}

export function anAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'alert-1',
    instanceId: 'id-queue-b',
    instanceName: 'queue-b',
    owner: 'group:default/team-b',
    rule: 'down',
    state: 'firing',
    message: 'down for 72 health checks in a row: connect ECONNREFUSED',
    value: 72,
    threshold: 2,
    startedAt: minutesAgo(11),
    notifiedAt: minutesAgo(11),
    ...overrides,
  };
}

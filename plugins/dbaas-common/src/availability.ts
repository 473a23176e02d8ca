import type { InstanceStatus } from './types';

/**
 * A period in which health checks found an instance down: from the first
 * failed check to the first successful one after it.
 * @public
 */
export interface Incident {
  id: string;
  instanceId: string;
  startedAt: string;
  /** Absent while the instance is still down. */
  endedAt?: string;
  /** Until `endedAt`, or until now while the incident is open. */
  durationSeconds: number;
  /** Consecutive failed checks the incident spans. */
  failedChecks: number;
  /** What the first failed check reported. */
  error?: string;
}

/**
 * Up or down now and over the last day and week, from the health checks.
 * Uptimes are percentages of the time checks covered within the window;
 * absent before the first check.
 * @public
 */
export interface InstanceAvailability {
  instanceId: string;
  /** Absent until the first health check. */
  up?: boolean;
  lastCheckedAt?: string;
  /** When the current up or down state began. */
  since?: string;
  /** The first health check on record. */
  trackedSince?: string;
  uptime24h?: number;
  uptime7d?: number;
  openIncident?: Incident;
  /** Incidents overlapping the last 7 days, newest first. */
  incidents: Incident[];
}

/** One instance on the fleet status page. @public */
export interface InstanceStatusSummary {
  instanceId: string;
  name: string;
  owner: string;
  status: InstanceStatus;
  up?: boolean;
  lastCheckedAt?: string;
  uptime24h?: number;
  uptime7d?: number;
  openIncident?: Incident;
  /** Alerts of the instance firing now. */
  firingAlerts: number;
}

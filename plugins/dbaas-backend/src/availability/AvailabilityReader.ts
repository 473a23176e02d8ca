import type {
  Incident,
  Instance,
  InstanceAvailability,
  InstanceStatusSummary,
} from '@justmanage/plugin-dbaas-common';
import { AvailabilityStore, IncidentRecord } from './AvailabilityStore';
import { TrackedState } from './healthTransitions';
import { uptimePercent } from './uptime';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Counts of firing alerts per instance id. */
export type FiringAlertCounts = () => Promise<Map<string, number>>;

function toIncident(record: IncidentRecord, now: number): Incident {
  const end = record.endedAt ? Date.parse(record.endedAt) : now;
  return {
    id: String(record.id),
    instanceId: record.instanceId,
    startedAt: record.startedAt,
    ...(record.endedAt ? { endedAt: record.endedAt } : {}),
    durationSeconds: Math.max(0, (end - Date.parse(record.startedAt)) / 1000),
    failedChecks: record.failedChecks,
    ...(record.error ? { error: record.error } : {}),
  };
}

function figures(
  state: TrackedState | undefined,
  incidents: IncidentRecord[],
  now: number,
) {
  if (!state) return {};
  const spans = incidents.map(i => ({
    startedAt: Date.parse(i.startedAt),
    endedAt: i.endedAt ? Date.parse(i.endedAt) : undefined,
  }));
  const trackedSince = Date.parse(state.firstCheckedAt);
  const open = incidents.find(i => !i.endedAt);
  return {
    up: state.up,
    lastCheckedAt: state.lastCheckedAt,
    uptime24h: uptimePercent({
      from: now - DAY_MS,
      to: now,
      trackedSince,
      incidents: spans,
    }),
    uptime7d: uptimePercent({
      from: now - WEEK_MS,
      to: now,
      trackedSince,
      incidents: spans,
    }),
    ...(open ? { openIncident: toIncident(open, now) } : {}),
  };
}

function byInstance(incidents: IncidentRecord[]) {
  const grouped = new Map<string, IncidentRecord[]>();
  for (const incident of incidents) {
    const list = grouped.get(incident.instanceId) ?? [];
    list.push(incident);
    grouped.set(incident.instanceId, list);
  }
  return grouped;
}

/** Availability figures for the API, from the stored transitions. */
export class AvailabilityReader {
  readonly #store: AvailabilityStore;
  readonly #firingAlerts: FiringAlertCounts;
  readonly #now: () => number;

  constructor(options: {
    store: AvailabilityStore;
    firingAlerts: FiringAlertCounts;
    now?: () => number;
  }) {
    this.#store = options.store;
    this.#firingAlerts = options.firingAlerts;
    this.#now = options.now ?? Date.now;
  }

  async forInstance(instanceId: string): Promise<InstanceAvailability> {
    const now = this.#now();
    const [states, incidents] = await Promise.all([
      this.#store.states([instanceId]),
      this.#store.incidentsSince(
        [instanceId],
        new Date(now - WEEK_MS).toISOString(),
      ),
    ]);
    const state = states.get(instanceId);
    return {
      instanceId,
      ...figures(state, incidents, now),
      ...(state
        ? { since: state.since, trackedSince: state.firstCheckedAt }
        : {}),
      incidents: incidents.map(i => toIncident(i, now)),
    };
  }

  /** One line per instance, in the order given; a few queries for all. */
  async summaries(instances: Instance[]): Promise<InstanceStatusSummary[]> {
    const now = this.#now();
    const ids = instances.map(i => i.id);
    const [states, incidents, firing] = await Promise.all([
      this.#store.states(ids),
      this.#store.incidentsSince(ids, new Date(now - WEEK_MS).toISOString()),
      this.#firingAlerts(),
    ]);
    const grouped = byInstance(incidents);
    return instances.map(instance => ({
      instanceId: instance.id,
      name: instance.name,
      owner: instance.owner,
      status: instance.status,
      ...figures(states.get(instance.id), grouped.get(instance.id) ?? [], now),
      firingAlerts: firing.get(instance.id) ?? 0,
    }));
  }
}

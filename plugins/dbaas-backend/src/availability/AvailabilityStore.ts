import { Knex } from 'knex';
import {
  applyCheck,
  HealthCheckResult,
  TrackedState,
} from './healthTransitions';

const STATE = 'dbaas_availability';
const INCIDENTS = 'dbaas_incidents';

interface StateRow {
  instance_id: string;
  first_checked_at: string;
  last_checked_at: string;
  up: boolean | number;
  since: string;
  consecutive_failures: number;
  checks: number | string;
}

/** An incident as stored. */
export interface IncidentRecord {
  id: number;
  instanceId: string;
  startedAt: string;
  endedAt?: string;
  failedChecks: number;
  error?: string;
}

interface IncidentRow {
  id: number;
  instance_id: string;
  started_at: string;
  ended_at: string | null;
  failed_checks: number;
  error: string | null;
}

function fromStateRow(row: StateRow): TrackedState {
  return {
    firstCheckedAt: row.first_checked_at,
    lastCheckedAt: row.last_checked_at,
    up: Boolean(row.up),
    since: row.since,
    consecutiveFailures: Number(row.consecutive_failures),
    checks: Number(row.checks),
  };
}

function toStateRow(instanceId: string, state: TrackedState): StateRow {
  return {
    instance_id: instanceId,
    first_checked_at: state.firstCheckedAt,
    last_checked_at: state.lastCheckedAt,
    up: state.up,
    since: state.since,
    consecutive_failures: state.consecutiveFailures,
    checks: state.checks,
  };
}

function fromIncidentRow(row: IncidentRow): IncidentRecord {
  return {
    id: Number(row.id),
    instanceId: row.instance_id,
    startedAt: row.started_at,
    ...(row.ended_at ? { endedAt: row.ended_at } : {}),
    failedChecks: Number(row.failed_checks),
    ...(row.error ? { error: row.error } : {}),
  };
}

/** Largest id list per query; SQLite allows 999 bound values. */
const CHUNK = 500;

/**
 * Health history as transitions: the state per instance and its incidents.
 * Every check updates the state row with a compare-and-set on the last
 * check's time, so two backends recording at once cannot both open (or
 * close) an incident.
 */
export class AvailabilityStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /** Records one check; returns the state after it, or undefined if stale. */
  async record(
    instanceId: string,
    check: HealthCheckResult,
  ): Promise<TrackedState | undefined> {
    return this.#db.transaction(async tx => {
      const row = await tx<StateRow>(STATE)
        .where({ instance_id: instanceId })
        .first();
      const previous = row && fromStateRow(row);
      const step = applyCheck(previous, check);
      if (!step) return undefined;
      if (!previous) {
        // Of two backends recording an instance's first check, one inserts.
        const inserted = await tx<StateRow>(STATE)
          .insert(toStateRow(instanceId, step.next))
          .onConflict('instance_id')
          .ignore()
          .returning('instance_id');
        if (!inserted.length) return undefined;
      } else {
        const changed = await tx<StateRow>(STATE)
          .where({
            instance_id: instanceId,
            last_checked_at: previous.lastCheckedAt,
          })
          .update(toStateRow(instanceId, step.next));
        if (!changed) return undefined;
      }
      const incident = step.incident;
      if (incident?.kind === 'open') {
        await tx<IncidentRow>(INCIDENTS).insert({
          instance_id: instanceId,
          started_at: incident.startedAt,
          ended_at: null,
          failed_checks: 1,
          error: incident.error ?? null,
        });
      } else if (incident?.kind === 'extend') {
        await tx<IncidentRow>(INCIDENTS)
          .where({ instance_id: instanceId })
          .whereNull('ended_at')
          .increment('failed_checks', 1);
      } else if (incident?.kind === 'close') {
        await tx<IncidentRow>(INCIDENTS)
          .where({ instance_id: instanceId })
          .whereNull('ended_at')
          .update({ ended_at: incident.endedAt });
      }
      return step.next;
    });
  }

  async states(instanceIds: string[]): Promise<Map<string, TrackedState>> {
    const states = new Map<string, TrackedState>();
    for (let i = 0; i < instanceIds.length; i += CHUNK) {
      const rows = await this.#db<StateRow>(STATE).whereIn(
        'instance_id',
        instanceIds.slice(i, i + CHUNK),
      );
      for (const row of rows) states.set(row.instance_id, fromStateRow(row));
    }
    return states;
  }

  /** Incidents of the instances still open or ended after `since`, newest first. */
  async incidentsSince(
    instanceIds: string[],
    since: string,
  ): Promise<IncidentRecord[]> {
    const found: IncidentRecord[] = [];
    for (let i = 0; i < instanceIds.length; i += CHUNK) {
      const rows = await this.#db<IncidentRow>(INCIDENTS)
        .whereIn('instance_id', instanceIds.slice(i, i + CHUNK))
        .where(q => q.whereNull('ended_at').orWhere('ended_at', '>', since))
        .orderBy('started_at', 'desc');
      found.push(...rows.map(fromIncidentRow));
    }
    return found.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /**
   * Drops incidents that ended before `before`, and everything of instances
   * that no longer exist. Returns how many incidents went.
   */
  async purge(before: string): Promise<number> {
    const gone = this.#db('dbaas_instances').select('id');
    const old = await this.#db(INCIDENTS)
      .where('ended_at', '<', before)
      .orWhereNotIn('instance_id', gone)
      .delete();
    await this.#db(STATE).whereNotIn('instance_id', gone).delete();
    return old;
  }
}

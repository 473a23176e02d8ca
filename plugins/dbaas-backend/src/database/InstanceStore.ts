import { Knex } from 'knex';
import {
  Instance,
  InstanceEndpoint,
  InstanceStatus,
  InstanceHealth,
} from '@justmanage/plugin-dbaas-common';

const TABLE = 'dbaas_instances';

interface InstanceRow {
  id: string;
  name: string;
  owner: string;
  description: string;
  system: string | null;
  engine: string;
  version: string;
  platform: string;
  region: string;
  memory_mb: number;
  cpu: number;
  disk_gb: number;
  persistence: string;
  maxmemory_policy: string;
  config: string;
  replicas: number;
  tls_mode?: string;
  allow_list?: string | null;
  status: string;
  endpoints: string;
  health_up: boolean | number | null;
  health_checked_at: string | null;
  health_error: string | null;
  health_used_memory_bytes: number | string | null;
  health_uptime_seconds: number | string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** @public */
export interface InstanceFilter {
  owner?: string[];
  status?: string[];
  platform?: string[];
  name?: string;
}

/** Desired state of instances: what users asked for. */
export class InstanceStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async insert(instance: Instance, tx: Knex = this.#db): Promise<void> {
    await tx<InstanceRow>(TABLE).insert(toRow(instance));
  }

  async get(id: string, tx: Knex = this.#db): Promise<Instance | undefined> {
    const row = await tx<InstanceRow>(TABLE).where({ id }).first();
    return row && fromRow(row);
  }

  async getByName(name: string): Promise<Instance | undefined> {
    const row = await this.#db<InstanceRow>(TABLE).where({ name }).first();
    return row && fromRow(row);
  }

  async getMany(ids: string[]): Promise<Instance[]> {
    if (!ids.length) {
      return [];
    }
    const rows = await this.#db<InstanceRow>(TABLE).whereIn('id', ids);
    return rows.map(fromRow);
  }

  async list(filter: InstanceFilter = {}): Promise<Instance[]> {
    const query = this.#db<InstanceRow>(TABLE).orderBy('name');
    if (filter.owner?.length) query.whereIn('owner', filter.owner);
    if (filter.status?.length) query.whereIn('status', filter.status);
    if (filter.platform?.length) query.whereIn('platform', filter.platform);
    if (filter.name) query.where('name', filter.name);
    return (await query).map(fromRow);
  }

  async listIds(platform: string): Promise<string[]> {
    const rows = await this.#db<InstanceRow>(TABLE)
      .where({ platform })
      .select('id');
    return rows.map(r => r.id);
  }

  /**
   * Where the instances in the given states are served, without the rest of
   * the row, for work that visits the whole fleet every few seconds (the
   * metrics collector).
   */
  async listEndpoints(
    status: InstanceStatus[],
  ): Promise<Array<Pick<Instance, 'id' | 'platform' | 'endpoints'>>> {
    const rows = await this.#db<InstanceRow>(TABLE)
      .whereIn('status', status)
      .select('id', 'platform', 'endpoints');
    return rows.map(r => ({
      id: r.id,
      platform: r.platform,
      endpoints: JSON.parse(r.endpoints),
    }));
  }

  /** Writes the desired state; status is changed only through the helpers below. */
  async update(instance: Instance, tx: Knex = this.#db): Promise<void> {
    const { id, status, created_at, created_by, ...row } = toRow(instance);
    await tx<InstanceRow>(TABLE).where({ id }).update(row);
  }

  async setStatus(
    id: string,
    status: InstanceStatus,
    tx: Knex = this.#db,
  ): Promise<void> {
    await tx<InstanceRow>(TABLE)
      .where({ id })
      .update({ status, updated_at: new Date().toISOString() });
  }

  async setEndpoints(
    id: string,
    endpoints: InstanceEndpoint[],
    tx: Knex = this.#db,
  ): Promise<void> {
    await tx<InstanceRow>(TABLE)
      .where({ id })
      .update({ endpoints: JSON.stringify(endpoints) });
  }

  /**
   * Records a health check and flips running/down; returns the new status if
   * it changed. Only those two states are touched so a check never races an
   * operation's own status.
   */
  async recordHealth(
    id: string,
    check: InstanceHealth,
  ): Promise<InstanceStatus | undefined> {
    return this.#db.transaction(async tx => {
      await tx<InstanceRow>(TABLE)
        .where({ id })
        .update({
          health_up: check.up,
          health_checked_at: check.checkedAt,
          health_error: check.error ?? null,
          // a failed check keeps the last known figures rather than erasing them
          ...(check.up
            ? {
                health_used_memory_bytes: check.usedMemoryBytes ?? null,
                health_uptime_seconds: check.uptimeSeconds ?? null,
              }
            : {}),
        });
      const [from, to]: InstanceStatus[] = check.up
        ? ['down', 'running']
        : ['running', 'down'];
      const changed = await tx<InstanceRow>(TABLE)
        .where({ id, status: from })
        .update({ status: to, updated_at: check.checkedAt });
      return changed ? to : undefined;
    });
  }

  async delete(id: string, tx: Knex = this.#db): Promise<void> {
    await tx<InstanceRow>(TABLE).where({ id }).delete();
  }
}

function toRow(i: Instance): InstanceRow {
  return {
    id: i.id,
    name: i.name,
    owner: i.owner,
    description: i.description,
    system: i.system ?? null,
    engine: i.engine,
    version: i.version,
    platform: i.platform,
    region: i.region,
    memory_mb: i.resources.memoryMb,
    cpu: i.resources.cpu,
    disk_gb: i.resources.diskGb,
    persistence: i.persistence,
    maxmemory_policy: i.maxmemoryPolicy,
    config: JSON.stringify(i.config),
    replicas: i.replicas,
    tls_mode: i.tls ?? 'disabled',
    allow_list: i.allowList ? JSON.stringify(i.allowList) : null,
    status: i.status,
    endpoints: JSON.stringify(i.endpoints),
    health_up: i.health ? i.health.up : null,
    health_checked_at: i.health?.checkedAt ?? null,
    health_error: i.health?.error ?? null,
    health_used_memory_bytes: i.health?.usedMemoryBytes ?? null,
    health_uptime_seconds: i.health?.uptimeSeconds ?? null,
    created_by: i.createdBy,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

function fromRow(r: InstanceRow): Instance {
  return {
    id: r.id,
    name: r.name,
    owner: r.owner,
    description: r.description,
    ...(r.system ? { system: r.system } : {}),
    engine: r.engine as Instance['engine'],
    version: r.version,
    platform: r.platform,
    region: r.region,
    resources: {
      memoryMb: Number(r.memory_mb),
      cpu: Number(r.cpu),
      diskGb: Number(r.disk_gb),
    },
    persistence: r.persistence as Instance['persistence'],
    maxmemoryPolicy: r.maxmemory_policy as Instance['maxmemoryPolicy'],
    config: JSON.parse(r.config),
    replicas: Number(r.replicas ?? 0),
    tls: (r.tls_mode ?? 'disabled') as Instance['tls'],
    ...(r.allow_list ? { allowList: JSON.parse(r.allow_list) } : {}),
    status: r.status as InstanceStatus,
    endpoints: JSON.parse(r.endpoints),
    ...(r.health_checked_at
      ? {
          health: {
            up: Boolean(r.health_up),
            checkedAt: r.health_checked_at,
            ...(r.health_error ? { error: r.health_error } : {}),
            ...(r.health_used_memory_bytes !== null &&
            r.health_used_memory_bytes !== undefined
              ? { usedMemoryBytes: Number(r.health_used_memory_bytes) }
              : {}),
            ...(r.health_uptime_seconds !== null &&
            r.health_uptime_seconds !== undefined
              ? { uptimeSeconds: Number(r.health_uptime_seconds) }
              : {}),
          },
        }
      : {}),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

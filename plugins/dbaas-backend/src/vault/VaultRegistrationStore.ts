import { Knex } from 'knex';

const TABLE = 'dbaas_vault_registrations';

/** How far an instance is known to Vault. */
export type VaultRegistrationStatus = 'pending' | 'registered' | 'removing';

/** An instance's place in Vault: its config, roles and the node Vault talks to. */
export interface VaultRegistration {
  instanceId: string;
  instanceName: string;
  status: VaultRegistrationStatus;
  /** Why the last attempt failed, in Vault's words. */
  message?: string;
  nodeId?: string;
  host?: string;
  port?: number;
  roles: string[];
  /** Usernames handed to Vault static roles. */
  staticRoles: string[];
  updatedAt: string;
}

function toRegistration(row: any): VaultRegistration {
  return {
    instanceId: row.instance_id,
    instanceName: row.instance_name,
    status: row.status,
    ...(row.message ? { message: row.message } : {}),
    ...(row.node_id ? { nodeId: row.node_id } : {}),
    ...(row.host ? { host: row.host, port: Number(row.port) } : {}),
    roles: JSON.parse(row.roles),
    staticRoles: JSON.parse(row.static_roles ?? '[]'),
    updatedAt: row.updated_at,
  };
}

/** Which instances Vault knows, and how far each registration got. */
export class VaultRegistrationStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async get(instanceId: string): Promise<VaultRegistration | undefined> {
    const row = await this.#db(TABLE)
      .where({ instance_id: instanceId })
      .first();
    return row ? toRegistration(row) : undefined;
  }

  async all(): Promise<VaultRegistration[]> {
    return (await this.#db(TABLE).orderBy('instance_id')).map(toRegistration);
  }

  async put(
    registration: Omit<VaultRegistration, 'updatedAt' | 'staticRoles'> & {
      staticRoles?: string[];
    },
  ): Promise<void> {
    const row = {
      instance_id: registration.instanceId,
      instance_name: registration.instanceName,
      status: registration.status,
      message: registration.message ?? null,
      node_id: registration.nodeId ?? null,
      host: registration.host ?? null,
      port: registration.port ?? null,
      vault_username: 'jm-vault',
      roles: JSON.stringify(registration.roles),
      ...(registration.staticRoles
        ? { static_roles: JSON.stringify(registration.staticRoles) }
        : {}),
      updated_at: new Date().toISOString(),
    };
    await this.#db(TABLE).insert(row).onConflict('instance_id').merge();
  }

  async setStaticRoles(instanceId: string, usernames: string[]): Promise<void> {
    await this.#db(TABLE)
      .where({ instance_id: instanceId })
      .update({
        static_roles: JSON.stringify(usernames),
        updated_at: new Date().toISOString(),
      });
  }

  /** In the instance delete's transaction: the follower removes it from Vault later. */
  async markRemoving(tx: Knex, instanceId: string): Promise<void> {
    await tx(TABLE)
      .where({ instance_id: instanceId })
      .update({ status: 'removing', updated_at: new Date().toISOString() });
  }

  async delete(instanceId: string): Promise<void> {
    await this.#db(TABLE).where({ instance_id: instanceId }).delete();
  }
}

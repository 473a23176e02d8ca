import { Knex } from 'knex';

const TABLE = 'dbaas_vault_leases';

/** Dynamic credentials issued through the product, as owners see them. */
export interface VaultLeaseRecord {
  leaseId: string;
  instanceId: string;
  username: string;
  role: string;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt?: string;
}

function toLease(row: any): VaultLeaseRecord {
  return {
    leaseId: row.lease_id,
    instanceId: row.instance_id,
    username: row.username,
    role: row.role,
    issuedBy: row.issued_by,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}

/** The leases of credentials the product got from Vault, per instance. */
export class VaultLeaseStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async list(instanceId: string): Promise<VaultLeaseRecord[]> {
    return (
      await this.#db(TABLE)
        .where({ instance_id: instanceId })
        .orderBy('issued_at', 'desc')
    ).map(toLease);
  }

  async get(
    instanceId: string,
    leaseId: string,
  ): Promise<VaultLeaseRecord | undefined> {
    const row = await this.#db(TABLE)
      .where({ instance_id: instanceId, lease_id: leaseId })
      .first();
    return row ? toLease(row) : undefined;
  }

  async add(lease: Omit<VaultLeaseRecord, 'revokedAt'>): Promise<void> {
    await this.#db(TABLE).insert({
      lease_id: lease.leaseId,
      instance_id: lease.instanceId,
      username: lease.username,
      role: lease.role,
      issued_by: lease.issuedBy,
      issued_at: lease.issuedAt,
      expires_at: lease.expiresAt,
      revoked_at: null,
    });
  }

  async setExpiry(leaseId: string, expiresAt: string): Promise<void> {
    await this.#db(TABLE)
      .where({ lease_id: leaseId })
      .update({ expires_at: expiresAt });
  }

  async markRevoked(leaseId: string, at: string): Promise<void> {
    await this.#db(TABLE)
      .where({ lease_id: leaseId })
      .update({ revoked_at: at });
  }

  /** In the instance delete's transaction. */
  async deleteAll(tx: Knex, instanceId: string): Promise<void> {
    await tx(TABLE).where({ instance_id: instanceId }).delete();
  }
}

import { Knex } from 'knex';
import { SecretBox } from '../crypto/SecretBox';

const TABLE = 'dbaas_credentials';

/** @public */
export type CredentialRole = 'admin';

/** @public */
export interface Credential {
  username: string;
  role: CredentialRole;
  password: string;
}

/**
 * The control plane's own login to each instance, encrypted at rest. The
 * users of the instance's owners are in AclUserStore.
 */
export class CredentialStore {
  readonly #db: Knex;
  readonly #box: SecretBox;

  constructor(db: Knex, box: SecretBox) {
    this.#db = db;
    this.#box = box;
  }

  async insert(
    instanceId: string,
    credentials: Credential[],
    tx: Knex = this.#db,
  ): Promise<void> {
    const now = new Date().toISOString();
    await tx(TABLE).insert(
      credentials.map(c => ({
        instance_id: instanceId,
        username: c.username,
        role: c.role,
        password_enc: this.#box.encrypt(c.password),
        created_at: now,
      })),
    );
  }

  async list(instanceId: string): Promise<Credential[]> {
    const rows = await this.#db(TABLE)
      .where({ instance_id: instanceId })
      .orderBy('role')
      .orderBy('username');
    return rows.map(r => ({
      username: r.username,
      role: r.role,
      password: this.#box.decrypt(r.password_enc),
    }));
  }

  async get(
    instanceId: string,
    role: CredentialRole,
  ): Promise<Credential | undefined> {
    return (await this.list(instanceId)).find(c => c.role === role);
  }

  /**
   * The credential of `role` of many instances, in one query per 500 ids,
   * for work that reaches every instance (the metrics collector).
   */
  async getMany(
    instanceIds: string[],
    role: CredentialRole,
  ): Promise<Map<string, Credential>> {
    const found = new Map<string, Credential>();
    for (let i = 0; i < instanceIds.length; i += 500) {
      const rows = await this.#db(TABLE)
        .whereIn('instance_id', instanceIds.slice(i, i + 500))
        .where({ role })
        .orderBy('username');
      for (const r of rows) {
        if (found.has(r.instance_id)) continue;
        found.set(r.instance_id, {
          username: r.username,
          role: r.role,
          password: this.#box.decrypt(r.password_enc),
        });
      }
    }
    return found;
  }

  async deleteAll(instanceId: string, tx: Knex = this.#db): Promise<void> {
    await tx(TABLE).where({ instance_id: instanceId }).delete();
  }
}

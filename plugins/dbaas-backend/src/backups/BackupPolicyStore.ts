import { Knex } from 'knex';
import { BackupPolicy } from '@justmanage/plugin-dbaas-common';

const TABLE = 'dbaas_backup_policies';

/** The backup policies owners set; an instance without one has the default. */
export class BackupPolicyStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async get(instanceId: string): Promise<BackupPolicy | undefined> {
    const row = await this.#db(TABLE)
      .where({ instance_id: instanceId })
      .first<{ policy: string } | undefined>('policy');
    return row ? JSON.parse(row.policy) : undefined;
  }

  async all(): Promise<Map<string, BackupPolicy>> {
    const rows: Array<{ instance_id: string; policy: string }> = await this.#db(
      TABLE,
    ).select('instance_id', 'policy');
    return new Map(rows.map(r => [r.instance_id, JSON.parse(r.policy)]));
  }

  async set(
    instanceId: string,
    policy: BackupPolicy,
    actor: string,
  ): Promise<void> {
    await this.#db(TABLE)
      .insert({
        instance_id: instanceId,
        policy: JSON.stringify(policy),
        updated_by: actor,
        updated_at: new Date().toISOString(),
      })
      .onConflict('instance_id')
      .merge();
  }
}

/** The policy goes with its instance; its backups stay. */
export async function deleteBackupPolicy(
  tx: Knex,
  instanceId: string,
): Promise<void> {
  await tx(TABLE).where({ instance_id: instanceId }).delete();
}

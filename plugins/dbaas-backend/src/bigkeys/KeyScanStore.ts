import { Knex } from 'knex';
import { KeyScanReport } from '@justmanage/plugin-dbaas-common';

const TABLE = 'dbaas_key_scans';
/** Reports kept per instance; older ones are deleted as new ones come. */
const KEPT_PER_INSTANCE = 10;

interface KeyScanRow {
  id: number;
  instance_id: string;
  operation_id: string;
  started_at: string;
  finished_at: string;
  report: string;
}

/** Key scan reports with their time. They hold key names: user data. */
export class KeyScanStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /** Saves the report of an operation; saving it again replaces it. */
  async save(report: KeyScanReport): Promise<void> {
    await this.#db.transaction(async tx => {
      await tx<KeyScanRow>(TABLE)
        .where({ operation_id: report.operationId })
        .delete();
      await tx<KeyScanRow>(TABLE).insert({
        instance_id: report.instanceId,
        operation_id: report.operationId,
        started_at: report.startedAt,
        finished_at: report.finishedAt,
        report: JSON.stringify(report),
      });
      const kept = tx<KeyScanRow>(TABLE)
        .select('id')
        .where({ instance_id: report.instanceId })
        .orderBy('finished_at', 'desc')
        .limit(KEPT_PER_INSTANCE);
      await tx<KeyScanRow>(TABLE)
        .where({ instance_id: report.instanceId })
        // PostgreSQL and SQLite both take a subquery with LIMIT here, MySQL
        // would not; wrapped once more so it reads a derived table.
        .whereNotIn('id', tx.select('id').from(kept.as('kept')))
        .delete();
    });
  }

  async latest(instanceId: string): Promise<KeyScanReport | undefined> {
    const row = await this.#db<KeyScanRow>(TABLE)
      .where({ instance_id: instanceId })
      .orderBy('finished_at', 'desc')
      .first();
    return row ? (JSON.parse(row.report) as KeyScanReport) : undefined;
  }
}

/** Removes an instance's reports with it: they hold its key names. */
export async function deleteKeyScans(
  db: Knex,
  instanceId: string,
): Promise<void> {
  await db(TABLE).where({ instance_id: instanceId }).delete();
}

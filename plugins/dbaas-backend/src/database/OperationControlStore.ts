import { Knex } from 'knex';
import { OperationProgress } from '@justmanage/plugin-dbaas-common';

const OPS = 'dbaas_operations';
const STEPS = 'dbaas_operation_steps';
const LOG = 'dbaas_operation_log';
const ACTIVE = ['pending', 'running'];

/**
 * What happens to an operation besides its steps: the progress a long step
 * saves, and cancellation, which the worker running it watches for.
 */
export class OperationControlStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async setProgress(id: string, progress: OperationProgress): Promise<void> {
    await this.#db(OPS)
      .where({ id })
      .update({ progress: JSON.stringify(progress) });
  }

  async cancelRequestedBy(id: string): Promise<string | undefined> {
    const row = await this.#db(OPS)
      .where({ id })
      .first<{ cancel_requested_by: string | null } | undefined>(
        'cancel_requested_by',
      );
    return row?.cancel_requested_by ?? undefined;
  }

  /**
   * Records who asked to cancel. An operation that no worker holds (not
   * started, waiting for a retry, or left by a crashed replica) is ended
   * here; a running one by its worker. Returns whether it ended here.
   */
  async requestCancel(id: string, actor: string): Promise<boolean> {
    const now = new Date().toISOString();
    const message = `Cancelled by ${actor}`;
    return this.#db.transaction(async tx => {
      await tx(OPS)
        .where({ id })
        .whereIn('status', ACTIVE)
        .whereNull('cancel_requested_by')
        .update({ cancel_requested_by: actor });
      const ended = await tx(OPS)
        .where({ id })
        .whereIn('status', ACTIVE)
        .where(q =>
          q.whereNull('lease_owner').orWhere('lease_expires_at', '<', now),
        )
        .update({
          status: 'failed',
          error: message,
          finished_at: now,
          lease_owner: null,
          lease_expires_at: null,
        });
      if (ended !== 1) return false;
      await tx(STEPS)
        .where({ operation_id: id })
        .whereIn('status', ['pending', 'running'])
        .update({ status: 'skipped', finished_at: now });
      await tx(LOG).insert({
        operation_id: id,
        at: now,
        level: 'warn',
        message,
      });
      return true;
    });
  }
}

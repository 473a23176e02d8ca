import { Knex } from 'knex';
import { MaintenanceDecision } from '@justmanage/plugin-dbaas-common';

const DECISIONS = 'dbaas_maintenance_decisions';
const ATTEMPTS = 'dbaas_maintenance_attempts';
const NOTICES = 'dbaas_maintenance_notices';

/** A patch upgrade the job (or apply-now) started, or tried to. */
export interface Attempt {
  id: number;
  instanceId: string;
  engine: string;
  version: string;
  reason: string;
  operationId?: string;
}

export type AttemptResult = 'succeeded' | 'failed' | 'not-started';

/** Unique index violations differ by database; both name the constraint. */
function isUniqueViolation(error: unknown): boolean {
  return /unique|duplicate/i.test(String((error as Error)?.message));
}

/**
 * What the maintenance job decided and did: the decision log users read,
 * the attempted targets (each at most once per instance) and the notices
 * sent (each once). Both "once" rules are unique indexes, so several
 * replicas running the job cannot double an upgrade or a notice.
 */
export class MaintenanceLog {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async decide(
    decision: Omit<MaintenanceDecision, 'id' | 'at'>,
    at: Date,
  ): Promise<void> {
    await this.#db(DECISIONS).insert({
      instance_id: decision.instanceId,
      decided_at: at.toISOString(),
      outcome: decision.outcome,
      reason: decision.reason,
      message: decision.message,
      target: decision.target ?? null,
      operation_id: decision.operationId ?? null,
    });
  }

  async decisions(
    instanceId: string,
    limit = 50,
  ): Promise<MaintenanceDecision[]> {
    const rows = await this.#db(DECISIONS)
      .where({ instance_id: instanceId })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(r => ({
      id: Number(r.id),
      instanceId: r.instance_id,
      at: r.decided_at,
      outcome: r.outcome,
      reason: r.reason,
      message: r.message,
      ...(r.target ? { target: r.target } : {}),
      ...(r.operation_id ? { operationId: r.operation_id } : {}),
    }));
  }

  /** Whether the target was attempted, and if so whether it is still running. */
  async attempted(
    instanceId: string,
    engine: string,
    version: string,
  ): Promise<'no' | 'running' | 'finished'> {
    const row = await this.#db(ATTEMPTS)
      .where({ instance_id: instanceId, engine, version })
      .first();
    if (!row) return 'no';
    return row.result ? 'finished' : 'running';
  }

  /** Claims the target for one attempt; undefined when it was attempted before. */
  async claimAttempt(
    attempt: Omit<Attempt, 'id' | 'operationId'>,
    at: Date,
  ): Promise<number | undefined> {
    try {
      const [row] = await this.#db(ATTEMPTS)
        .insert({
          instance_id: attempt.instanceId,
          engine: attempt.engine,
          version: attempt.version,
          reason: attempt.reason,
          attempted_at: at.toISOString(),
        })
        .returning('id');
      return Number(typeof row === 'object' ? row.id : row);
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  /**
   * Claims the target again for "apply now": a finished attempt is reused,
   * a running one refuses (undefined). `undo` puts back what was there when
   * the upgrade cannot be started, so a refused request changes nothing and
   * an automatic attempt stays on record.
   */
  async reclaimAttempt(
    attempt: Omit<Attempt, 'id' | 'operationId'>,
    at: Date,
  ): Promise<{ id: number; undo: () => Promise<void> } | undefined> {
    const target = {
      instance_id: attempt.instanceId,
      engine: attempt.engine,
      version: attempt.version,
    };
    const existing = await this.#db(ATTEMPTS).where(target).first();
    if (!existing) {
      const id = await this.claimAttempt(attempt, at);
      if (id === undefined) return undefined;
      return {
        id,
        undo: async () => {
          await this.#db(ATTEMPTS).where({ id }).delete();
        },
      };
    }
    const id = Number(existing.id);
    const updated = await this.#db(ATTEMPTS)
      .where({ id })
      .whereNotNull('result')
      .update({
        reason: attempt.reason,
        attempted_at: at.toISOString(),
        operation_id: null,
        result: null,
        finished_at: null,
      });
    if (updated !== 1) return undefined;
    return {
      id,
      undo: async () => {
        await this.#db(ATTEMPTS).where({ id }).update({
          reason: existing.reason,
          attempted_at: existing.attempted_at,
          operation_id: existing.operation_id,
          result: existing.result,
          finished_at: existing.finished_at,
        });
      },
    };
  }

  async setOperation(attemptId: number, operationId: string): Promise<void> {
    await this.#db(ATTEMPTS)
      .where({ id: attemptId })
      .update({ operation_id: operationId });
  }

  async running(): Promise<Attempt[]> {
    const rows = await this.#db(ATTEMPTS)
      .whereNull('result')
      .whereNotNull('operation_id');
    return rows.map(r => ({
      id: Number(r.id),
      instanceId: r.instance_id,
      engine: r.engine,
      version: r.version,
      reason: r.reason,
      operationId: r.operation_id,
    }));
  }

  /** Records the result; false when another replica recorded it first. */
  async finishAttempt(
    attemptId: number,
    result: AttemptResult,
    at: Date,
  ): Promise<boolean> {
    const updated = await this.#db(ATTEMPTS)
      .where({ id: attemptId })
      .whereNull('result')
      .update({ result, finished_at: at.toISOString() });
    return updated === 1;
  }

  /** Claims the notice before an opening; false when it was sent already. */
  async claimNotice(
    notice: {
      instanceId: string;
      openingStart: string;
      engine: string;
      version: string;
    },
    at: Date,
  ): Promise<boolean> {
    try {
      await this.#db(NOTICES).insert({
        instance_id: notice.instanceId,
        opening_start: notice.openingStart,
        engine: notice.engine,
        version: notice.version,
        sent_at: at.toISOString(),
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async removeInstances(instanceIds: string[]): Promise<void> {
    if (instanceIds.length === 0) return;
    for (const table of [DECISIONS, ATTEMPTS, NOTICES]) {
      await this.#db(table).whereIn('instance_id', instanceIds).delete();
    }
  }
}

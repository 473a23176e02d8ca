import { Knex } from 'knex';
import {
  Operation,
  OperationLogEntry,
  OperationStatus,
  OperationStep,
  OperationType,
  StepStatus,
} from '@justmanage/plugin-dbaas-common';

const OPS = 'dbaas_operations';
const STEPS = 'dbaas_operation_steps';
const LOG = 'dbaas_operation_log';

interface OperationRow {
  id: string;
  instance_id: string;
  instance_name: string;
  owner: string;
  type: string;
  status: string;
  params: string;
  error: string | null;
  created_by: string;
  idempotency_key: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  not_before: string | null;
  claims: number;
  progress?: string | null;
  cancel_requested_by?: string | null;
}

interface StepRow {
  operation_id: string;
  idx: number;
  name: string;
  status: string;
  attempts: number;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
}

/** What the worker needs to run an operation it has claimed. */
export interface ClaimedOperation {
  id: string;
  instanceId: string;
  type: OperationType;
  params: Record<string, unknown>;
  createdBy: string;
  steps: OperationStep[];
}

/** An operation with the instance facts kept for authorization after deletion. */
export interface OperationWithOwner extends Operation {
  instanceName: string;
  owner: string;
}

export interface NewOperation {
  id: string;
  instanceId: string;
  instanceName: string;
  owner: string;
  type: OperationType;
  params: Record<string, unknown>;
  stepNames: string[];
  createdBy: string;
  idempotencyKey?: string;
}

const ACTIVE: OperationStatus[] = ['pending', 'running'];

/**
 * Operations are the only way anything changes. Rows are written before any
 * side effect, and workers claim them with a lease so that several backend
 * replicas run each one exactly once.
 */
export class OperationStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async create(op: NewOperation, tx: Knex = this.#db): Promise<void> {
    const now = new Date().toISOString();
    await tx<OperationRow>(OPS).insert({
      id: op.id,
      instance_id: op.instanceId,
      instance_name: op.instanceName,
      owner: op.owner,
      type: op.type,
      status: 'pending',
      params: JSON.stringify(op.params),
      created_by: op.createdBy,
      idempotency_key: op.idempotencyKey ?? null,
      created_at: now,
      claims: 0,
    });
    await tx<StepRow>(STEPS).insert(
      op.stepNames.map((name, idx) => ({
        operation_id: op.id,
        idx,
        name,
        status: 'pending',
        attempts: 0,
      })),
    );
  }

  async get(id: string): Promise<OperationWithOwner | undefined> {
    const row = await this.#db<OperationRow>(OPS).where({ id }).first();
    if (!row) {
      return undefined;
    }
    const [op] = await this.#hydrate([row], true);
    return op;
  }

  async findByIdempotencyKey(
    createdBy: string,
    key: string,
  ): Promise<OperationWithOwner | undefined> {
    const row = await this.#db<OperationRow>(OPS)
      .where({ created_by: createdBy, idempotency_key: key })
      .first();
    return row ? (await this.#hydrate([row], true))[0] : undefined;
  }

  async listForInstance(instanceId: string): Promise<OperationWithOwner[]> {
    const rows = await this.#db<OperationRow>(OPS)
      .where({ instance_id: instanceId })
      .orderBy('created_at', 'desc');
    return this.#hydrate(rows, false);
  }

  async hasActive(instanceId: string, tx: Knex = this.#db): Promise<boolean> {
    const row = await tx<OperationRow>(OPS)
      .where({ instance_id: instanceId })
      .whereIn('status', ACTIVE)
      .first('id');
    return Boolean(row);
  }

  /**
   * Claims the oldest runnable operation. Operations of one instance run in
   * order, so an operation waits while an older one of its instance is open.
   * The claim is a compare-and-set on the claims counter: of two workers that
   * pick the same row, exactly one update matches.
   */
  async claimNext(
    owner: string,
    leaseMs: number,
    excludeIds: string[] = [],
  ): Promise<ClaimedOperation | undefined> {
    const now = new Date().toISOString();
    const candidates = await this.#db<OperationRow>(`${OPS} as o`)
      .whereIn('o.status', ACTIVE)
      .where(q =>
        q
          .whereNull('o.lease_expires_at')
          .orWhere('o.lease_expires_at', '<', now),
      )
      .where(q =>
        q.whereNull('o.not_before').orWhere('o.not_before', '<=', now),
      )
      .whereNotIn('o.id', excludeIds)
      .whereNotExists(
        this.#db(`${OPS} as earlier`)
          .select('earlier.id')
          .whereRaw('earlier.instance_id = o.instance_id')
          .whereIn('earlier.status', ACTIVE)
          .whereRaw('earlier.created_at < o.created_at'),
      )
      .orderBy('o.created_at')
      .limit(10)
      .select('o.id', 'o.claims');

    for (const candidate of candidates) {
      const leaseExpiresAt = new Date(Date.now() + leaseMs).toISOString();
      const claimed = await this.#db<OperationRow>(OPS)
        .where({ id: candidate.id, claims: candidate.claims })
        .whereIn('status', ACTIVE)
        .update({
          lease_owner: owner,
          lease_expires_at: leaseExpiresAt,
          claims: candidate.claims + 1,
          status: 'running',
          started_at: this.#db.raw('COALESCE(started_at, ?)', [now]),
        });
      if (claimed === 1) {
        const row = await this.#db<OperationRow>(OPS)
          .where({ id: candidate.id })
          .first();
        const steps = await this.#steps([candidate.id]);
        return {
          id: row!.id,
          instanceId: row!.instance_id,
          type: row!.type as OperationType,
          params: JSON.parse(row!.params),
          createdBy: row!.created_by,
          steps: steps.get(row!.id) ?? [],
        };
      }
    }
    return undefined;
  }

  /** Returns false when another worker took the operation over. */
  async renewLease(
    id: string,
    owner: string,
    leaseMs: number,
  ): Promise<boolean> {
    const updated = await this.#db<OperationRow>(OPS)
      .where({ id, lease_owner: owner, status: 'running' })
      .update({
        lease_expires_at: new Date(Date.now() + leaseMs).toISOString(),
      });
    return updated === 1;
  }

  /** Gives the operation back, to be retried no earlier than `notBefore`. */
  async release(id: string, owner: string, notBefore?: Date): Promise<void> {
    await this.#db<OperationRow>(OPS)
      .where({ id, lease_owner: owner })
      .update({
        lease_owner: null,
        lease_expires_at: null,
        not_before: notBefore?.toISOString() ?? null,
      });
  }

  async startStep(id: string, idx: number): Promise<void> {
    await this.#db<StepRow>(STEPS)
      .where({ operation_id: id, idx })
      .update({
        status: 'running',
        attempts: this.#db.raw('attempts + 1'),
        started_at: new Date().toISOString(),
        error: null,
      });
  }

  async finishStep(
    id: string,
    idx: number,
    status: StepStatus,
    error?: string,
    tx: Knex = this.#db,
  ): Promise<void> {
    await tx<StepRow>(STEPS)
      .where({ operation_id: id, idx })
      .update({
        status,
        finished_at: new Date().toISOString(),
        error: error ?? null,
      });
  }

  /** Only the lease holder may finish, so a worker that lost its lease cannot. */
  async finish(
    id: string,
    owner: string,
    status: 'succeeded' | 'failed',
    error?: string,
    tx: Knex = this.#db,
  ): Promise<boolean> {
    const updated = await tx<OperationRow>(OPS)
      .where({ id, lease_owner: owner })
      .update({
        status,
        error: error ?? null,
        finished_at: new Date().toISOString(),
        lease_owner: null,
        lease_expires_at: null,
      });
    if (status === 'failed') {
      await tx<StepRow>(STEPS)
        .where({ operation_id: id, status: 'pending' })
        .update({ status: 'skipped' });
    }
    return updated === 1;
  }

  async log(
    id: string,
    level: OperationLogEntry['level'],
    message: string,
  ): Promise<void> {
    await this.#db(LOG).insert({
      operation_id: id,
      at: new Date().toISOString(),
      level,
      message,
    });
  }

  async #steps(ids: string[]): Promise<Map<string, OperationStep[]>> {
    const rows = await this.#db<StepRow>(STEPS)
      .whereIn('operation_id', ids)
      .orderBy(['operation_id', 'idx']);
    const byOp = new Map<string, OperationStep[]>();
    for (const r of rows) {
      const steps = byOp.get(r.operation_id) ?? [];
      steps.push({
        name: r.name,
        status: r.status as StepStatus,
        attempts: Number(r.attempts),
        ...(r.started_at ? { startedAt: r.started_at } : {}),
        ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
        ...(r.error ? { error: r.error } : {}),
      });
      byOp.set(r.operation_id, steps);
    }
    return byOp;
  }

  async #hydrate(
    rows: OperationRow[],
    withLog: boolean,
  ): Promise<OperationWithOwner[]> {
    const ids = rows.map(r => r.id);
    const steps = ids.length ? await this.#steps(ids) : new Map();
    const logs = new Map<string, OperationLogEntry[]>();
    if (withLog && ids.length) {
      const logRows = await this.#db(LOG)
        .whereIn('operation_id', ids)
        .orderBy('id');
      for (const l of logRows) {
        const list = logs.get(l.operation_id) ?? [];
        list.push({ at: l.at, level: l.level, message: l.message });
        logs.set(l.operation_id, list);
      }
    }
    return rows.map(r => ({
      id: r.id,
      instanceId: r.instance_id,
      instanceName: r.instance_name,
      owner: r.owner,
      type: r.type as OperationType,
      status: r.status as OperationStatus,
      params: JSON.parse(r.params),
      steps: steps.get(r.id) ?? [],
      log: logs.get(r.id) ?? [],
      ...(r.error ? { error: r.error } : {}),
      createdBy: r.created_by,
      createdAt: r.created_at,
      ...(r.started_at ? { startedAt: r.started_at } : {}),
      ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
      ...(r.progress ? { progress: JSON.parse(r.progress) } : {}),
      ...(r.cancel_requested_by
        ? { cancelRequestedBy: r.cancel_requested_by }
        : {}),
    }));
  }
}

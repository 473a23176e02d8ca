import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import type {
  Alert,
  AlertRuleName,
  AlertState,
} from '@justmanage/plugin-dbaas-common';
import { RuleOutcome } from './evaluateRules';

const TABLE = 'dbaas_alerts';

interface AlertRow {
  id: string;
  instance_id: string;
  rule: string;
  state: string;
  open_key: string | null;
  message: string;
  value: number | null;
  threshold: number | null;
  started_at: string;
  evaluated_at: string;
  resolved_at: string | null;
  notified_at: string | null;
  recovery_notified_at: string | null;
  notify_lease_until: string | null;
}

/** Which of an alert's two notifications. */
export type NotificationKind = 'firing' | 'recovery';

type Joined = AlertRow & { instance_name: string; owner: string };

function fromRow(row: Joined): Alert {
  return {
    id: row.id,
    instanceId: row.instance_id,
    instanceName: row.instance_name,
    owner: row.owner,
    rule: row.rule as AlertRuleName,
    state: row.state as AlertState,
    message: row.message,
    ...(row.value !== null ? { value: Number(row.value) } : {}),
    ...(row.threshold !== null ? { threshold: Number(row.threshold) } : {}),
    startedAt: row.started_at,
    ...(row.resolved_at ? { resolvedAt: row.resolved_at } : {}),
    ...(row.notified_at ? { notifiedAt: row.notified_at } : {}),
    ...(row.recovery_notified_at
      ? { recoveryNotifiedAt: row.recovery_notified_at }
      : {}),
  };
}

const openKey = (instanceId: string, rule: string) => `${instanceId}/${rule}`;

/** Filters of {@link AlertStore.list}. */
export interface AlertQuery {
  instanceIds?: string[];
  state?: AlertState;
  /** Resolved alerts only if they resolved after this. */
  resolvedSince?: string;
  limit?: number;
}

/**
 * Alert state shared by every backend replica. Each transition is a
 * conditional write that exactly one writer wins: opening inserts under the
 * unique open key, resolving flips state only from firing, and sending a
 * notification first takes a lease on it.
 */
export class AlertStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  #joined() {
    return this.#db<Joined>(`${TABLE} as a`)
      .join('dbaas_instances as i', 'i.id', 'a.instance_id')
      .select('a.*', 'i.name as instance_name', 'i.owner as owner');
  }

  /**
   * What one evaluation starts from, in one query: the instance's firing
   * alerts by rule, and whether any alert of it still owes a notification.
   */
  async active(instanceId: string): Promise<{
    firing: Map<AlertRuleName, { id: string; message: string; value?: number }>;
    owesNotification: boolean;
  }> {
    const rows = await this.#db<AlertRow>(TABLE)
      .where({ instance_id: instanceId })
      .where(q =>
        q
          .where({ state: 'firing' })
          .orWhere(w =>
            w.whereNotNull('notified_at').whereNull('recovery_notified_at'),
          ),
      )
      .select('id', 'rule', 'state', 'message', 'value', 'notified_at');
    const firing = new Map<
      AlertRuleName,
      { id: string; message: string; value?: number }
    >();
    let owesNotification = false;
    for (const row of rows) {
      if (row.state === 'firing') {
        firing.set(row.rule as AlertRuleName, {
          id: row.id,
          message: row.message,
          ...(row.value !== null ? { value: Number(row.value) } : {}),
        });
        if (!row.notified_at) owesNotification = true;
      } else {
        owesNotification = true;
      }
    }
    return { firing, owesNotification };
  }

  /** Opens an alert; undefined when another writer already had it open. */
  async open(
    instanceId: string,
    rule: AlertRuleName,
    outcome: RuleOutcome,
    now: string,
  ): Promise<string | undefined> {
    const id = randomUUID();
    const inserted = await this.#db<AlertRow>(TABLE)
      .insert({
        id,
        instance_id: instanceId,
        rule,
        state: 'firing',
        open_key: openKey(instanceId, rule),
        message: outcome.message,
        value: outcome.value ?? null,
        threshold: outcome.threshold ?? null,
        started_at: now,
        evaluated_at: now,
      })
      .onConflict('open_key')
      .ignore()
      .returning('id');
    return inserted.length ? id : undefined;
  }

  /** Keeps a firing alert's figures current. */
  async refresh(id: string, outcome: RuleOutcome, now: string): Promise<void> {
    await this.#db<AlertRow>(TABLE)
      .where({ id, state: 'firing' })
      .update({
        message: outcome.message,
        value: outcome.value ?? null,
        threshold: outcome.threshold ?? null,
        evaluated_at: now,
      });
  }

  /** Resolves a firing alert; false when another writer already did. */
  async resolve(id: string, message: string, now: string): Promise<boolean> {
    const changed = await this.#db<AlertRow>(TABLE)
      .where({ id, state: 'firing' })
      .update({
        state: 'resolved',
        open_key: null,
        resolved_at: now,
        evaluated_at: now,
        message,
      });
    return changed === 1;
  }

  /**
   * Notifications an instance still owes: a firing alert nobody was told
   * of, and a resolved one whose firing was told but not its recovery.
   */
  async pending(
    instanceId: string,
  ): Promise<Array<{ alert: Alert; kind: NotificationKind }>> {
    const rows = await this.#joined()
      .where('a.instance_id', instanceId)
      .where(q =>
        q
          .where(w => w.where('a.state', 'firing').whereNull('a.notified_at'))
          .orWhere(w =>
            w
              .where('a.state', 'resolved')
              .whereNotNull('a.notified_at')
              .whereNull('a.recovery_notified_at'),
          ),
      )
      .orderBy('a.started_at');
    return rows.map(row => ({
      alert: fromRow(row),
      kind: row.state === 'firing' ? 'firing' : 'recovery',
    }));
  }

  /**
   * Takes the right to send one notification until `leaseUntil`; false when
   * it was sent already or another replica holds it. A sender that dies
   * before marking it leaves the lease to expire, and the retry reuses the
   * notification's scope, so the owner still sees one notification.
   */
  async claim(
    id: string,
    kind: NotificationKind,
    now: string,
    leaseUntil: string,
  ): Promise<boolean> {
    const query = this.#db<AlertRow>(TABLE)
      .where({ id })
      .where(q =>
        q
          .whereNull('notify_lease_until')
          .orWhere('notify_lease_until', '<', now),
      );
    if (kind === 'firing') {
      query.where({ state: 'firing' }).whereNull('notified_at');
    } else {
      query
        .where({ state: 'resolved' })
        .whereNotNull('notified_at')
        .whereNull('recovery_notified_at');
    }
    return (await query.update({ notify_lease_until: leaseUntil })) === 1;
  }

  async markNotified(
    id: string,
    kind: NotificationKind,
    now: string,
  ): Promise<void> {
    await this.#db<AlertRow>(TABLE)
      .where({ id })
      .update({
        [kind === 'firing' ? 'notified_at' : 'recovery_notified_at']: now,
        notify_lease_until: null,
      });
  }

  async list(query: AlertQuery): Promise<Alert[]> {
    const q = this.#joined()
      .orderBy('a.started_at', 'desc')
      .limit(query.limit ?? 500);
    if (query.instanceIds) q.whereIn('a.instance_id', query.instanceIds);
    if (query.state) q.where('a.state', query.state);
    if (query.resolvedSince) {
      const since = query.resolvedSince;
      q.where(w =>
        w.whereNull('a.resolved_at').orWhere('a.resolved_at', '>', since),
      );
    }
    return (await q).map(fromRow);
  }

  /** Firing alerts per instance; few at any time, so read whole. */
  async firingCounts(): Promise<Map<string, number>> {
    const rows: Array<{ instance_id: string; n: number | string }> =
      await this.#db(TABLE)
        .where({ state: 'firing' })
        .groupBy('instance_id')
        .select('instance_id')
        .count({ n: '*' });
    return new Map(rows.map(row => [row.instance_id, Number(row.n)]));
  }

  /** Drops alerts resolved before `before`, and those of deleted instances. */
  async purge(before: string): Promise<number> {
    return this.#db(TABLE)
      .where('resolved_at', '<', before)
      .orWhereNotIn('instance_id', this.#db('dbaas_instances').select('id'))
      .delete();
  }
}

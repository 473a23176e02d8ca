import { Knex } from 'knex';
import {
  PolicyWindow,
  UpgradePolicyMode,
} from '@justmanage/plugin-dbaas-common';

const TABLE = 'dbaas_upgrade_policies';

interface PolicyRow {
  instance_id: string;
  mode: string;
  security_only: boolean | number;
  windows: string;
  blackout_dates: string;
  snoozed_until: string | null;
  last_decision: string | null;
  updated_by: string;
  updated_at: string;
}

/** A policy as stored; instances without a row are manual. */
export interface StoredPolicy {
  instanceId: string;
  mode: UpgradePolicyMode;
  securityOnly: boolean;
  windows: PolicyWindow[];
  blackoutDates: string[];
  snoozedUntil?: string;
  updatedBy: string;
  updatedAt: string;
}

export type PolicyChange = Omit<
  StoredPolicy,
  'instanceId' | 'updatedBy' | 'updatedAt' | 'snoozedUntil'
>;

function fromRow(row: PolicyRow): StoredPolicy {
  return {
    instanceId: row.instance_id,
    mode: row.mode as UpgradePolicyMode,
    securityOnly: Boolean(row.security_only),
    windows: JSON.parse(row.windows),
    blackoutDates: JSON.parse(row.blackout_dates),
    ...(row.snoozed_until ? { snoozedUntil: row.snoozed_until } : {}),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** Upgrade policies, one row per instance that has one. */
export class UpgradePolicyStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async get(instanceId: string): Promise<StoredPolicy | undefined> {
    const row = await this.#db<PolicyRow>(TABLE)
      .where({ instance_id: instanceId })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async listAutomatic(): Promise<StoredPolicy[]> {
    const rows = await this.#db<PolicyRow>(TABLE)
      .where({ mode: 'auto-patch' })
      .orderBy('instance_id');
    return rows.map(fromRow);
  }

  /**
   * Replaces the policy (the snooze is kept unless the windows changed, as
   * it names an opening of the old ones). Validated input only.
   */
  async put(
    instanceId: string,
    change: PolicyChange,
    actor: string,
    tx: Knex = this.#db,
  ): Promise<void> {
    const before = await tx<PolicyRow>(TABLE)
      .where({ instance_id: instanceId })
      .first();
    const windows = JSON.stringify(change.windows);
    const keepSnooze = before !== undefined && before.windows === windows;
    await tx<PolicyRow>(TABLE)
      .insert({
        instance_id: instanceId,
        mode: change.mode,
        security_only: change.securityOnly,
        windows,
        blackout_dates: JSON.stringify(change.blackoutDates),
        snoozed_until: keepSnooze ? before.snoozed_until : null,
        last_decision: null,
        updated_by: actor,
        updated_at: new Date().toISOString(),
      })
      .onConflict('instance_id')
      .merge();
  }

  async setSnooze(
    instanceId: string,
    until: string | undefined,
    actor: string,
  ): Promise<void> {
    await this.#db<PolicyRow>(TABLE)
      .where({ instance_id: instanceId })
      .update({
        snoozed_until: until ?? null,
        last_decision: null,
        updated_by: actor,
        updated_at: new Date().toISOString(),
      });
  }

  /**
   * Records `decision` as the instance's latest; false when it already was,
   * so the caller logs each change once, whichever replica sees it first.
   */
  async claimDecision(instanceId: string, decision: string): Promise<boolean> {
    const updated = await this.#db<PolicyRow>(TABLE)
      .where({ instance_id: instanceId })
      .andWhere(q =>
        q.whereNull('last_decision').orWhereNot('last_decision', decision),
      )
      .update({ last_decision: decision });
    return updated === 1;
  }

  /** Policies whose instance is gone. */
  async removeOrphans(liveInstanceIds: string[]): Promise<string[]> {
    const rows = await this.#db<PolicyRow>(TABLE).select('instance_id');
    const orphans = rows
      .map(r => r.instance_id)
      .filter(id => !liveInstanceIds.includes(id));
    if (orphans.length) {
      await this.#db(TABLE).whereIn('instance_id', orphans).delete();
    }
    return orphans;
  }
}

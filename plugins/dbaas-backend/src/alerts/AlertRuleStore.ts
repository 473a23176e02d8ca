import { Knex } from 'knex';
import {
  AlertRules,
  AlertRuleSettings,
  AlertRulesPatch,
  mergeAlertRules,
} from '@justmanage/plugin-dbaas-common';

const TABLE = 'dbaas_alert_rules';

interface RuleRow {
  instance_id: string;
  overrides: string;
  updated_by: string;
  updated_at: string;
}

/**
 * Per-instance changes to the alert rules. Only the changes are kept, so an
 * instance follows the configured defaults in everything it did not set.
 */
export class AlertRuleStore {
  readonly #db: Knex;
  readonly #defaults: AlertRules;

  constructor(db: Knex, defaults: AlertRules) {
    this.#db = db;
    this.#defaults = defaults;
  }

  async get(instanceId: string): Promise<AlertRuleSettings> {
    const row = await this.#db<RuleRow>(TABLE)
      .where({ instance_id: instanceId })
      .first();
    const overrides: AlertRulesPatch = row ? JSON.parse(row.overrides) : {};
    return {
      rules: mergeAlertRules(this.#defaults, overrides),
      defaults: this.#defaults,
      overrides,
    };
  }

  /** Replaces the instance's changes; the patch must be validated already. */
  async replace(
    instanceId: string,
    overrides: AlertRulesPatch,
    actor: string,
  ): Promise<AlertRuleSettings> {
    await this.#db<RuleRow>(TABLE)
      .insert({
        instance_id: instanceId,
        overrides: JSON.stringify(overrides),
        updated_by: actor,
        updated_at: new Date().toISOString(),
      })
      .onConflict('instance_id')
      .merge();
    return this.get(instanceId);
  }

  /** Forgets the rules of instances that no longer exist. */
  async purge(): Promise<void> {
    await this.#db(TABLE)
      .whereNotIn('instance_id', this.#db('dbaas_instances').select('id'))
      .delete();
  }
}

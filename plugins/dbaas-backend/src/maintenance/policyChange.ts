import { Knex } from 'knex';
import { InputError } from '@backstage/errors';
import {
  PolicyWindow,
  parseWindowPhrase,
  upgradePolicyRequestSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { PolicyChange, UpgradePolicyStore } from './UpgradePolicyStore';

/**
 * A policy request, validated, with its phrases read into windows and kept
 * in their normal form. Throws InputError naming the field, e.g.
 * "windows.0: Unknown day ...".
 */
export function policyChangeOf(body: unknown): PolicyChange {
  const parsed = validate(upgradePolicyRequestSchema, body);
  if (!parsed.ok) throw new InputError(parsed.message);
  const windows = parsed.value.windows.map((phrase): PolicyWindow => {
    const result = parseWindowPhrase(phrase);
    // validated above
    if (!result.ok) throw new InputError(`windows: ${result.error}`);
    return {
      phrase: result.normalized,
      window: result.window,
      notes: result.notes,
    };
  });
  return {
    mode: parsed.value.mode,
    securityOnly: parsed.value.securityOnly,
    windows,
    blackoutDates: [...new Set(parsed.value.blackoutDates)].sort(),
  };
}

/** Stores the policy a create request asked for, inside its transaction. */
export async function savePolicyOnCreate(
  tx: Knex,
  instanceId: string,
  body: unknown,
  actor: string,
): Promise<void> {
  if (body === undefined) return;
  await new UpgradePolicyStore(tx).put(instanceId, policyChangeOf(body), actor);
}

import {
  CONFIG_PARAMETERS,
  ConfigChangeRequest,
  Instance,
  MAXMEMORY_POLICY_PARAMETER,
} from '@justmanage/plugin-dbaas-common';

/** Every setting's value as the form shows it, by redis.conf name. */
export type ConfigDraft = Record<string, string>;

/** The instance's values, the engine's default where it sets none. */
export function draftOf(
  instance: Pick<Instance, 'maxmemoryPolicy' | 'config'>,
): ConfigDraft {
  return Object.fromEntries(
    CONFIG_PARAMETERS.map(p => [
      p.name,
      p === MAXMEMORY_POLICY_PARAMETER
        ? instance.maxmemoryPolicy
        : instance.config[p.name] ?? p.default,
    ]),
  );
}

/** What is wrong with each value, in the API's words. */
export function configProblems(draft: ConfigDraft): Record<string, string> {
  return Object.fromEntries(
    CONFIG_PARAMETERS.filter(p => !p.rule.test(draft[p.name])).map(p => [
      p.name,
      `must be ${p.ruleText}`,
    ]),
  );
}

/**
 * The PATCH body for what was edited, or undefined when nothing was.
 * `config` replaces the instance's whole map, so it keeps what is set and
 * adds what changed: a setting is never dropped, which would leave the
 * running server on its old value until a restart.
 */
export function changeRequest(
  instance: Pick<Instance, 'maxmemoryPolicy' | 'config'>,
  draft: ConfigDraft,
): ConfigChangeRequest | undefined {
  const before = draftOf(instance);
  const edited = CONFIG_PARAMETERS.filter(
    p => draft[p.name] !== before[p.name],
  );
  if (edited.length === 0) return undefined;
  const config = { ...instance.config };
  let maxmemoryPolicy: Instance['maxmemoryPolicy'] | undefined;
  for (const p of edited) {
    if (p === MAXMEMORY_POLICY_PARAMETER) {
      maxmemoryPolicy = draft[p.name] as Instance['maxmemoryPolicy'];
    } else {
      config[p.name] = draft[p.name];
    }
  }
  const configEdited = edited.some(p => p !== MAXMEMORY_POLICY_PARAMETER);
  return {
    ...(maxmemoryPolicy ? { maxmemoryPolicy } : {}),
    ...(configEdited ? { config } : {}),
  };
}

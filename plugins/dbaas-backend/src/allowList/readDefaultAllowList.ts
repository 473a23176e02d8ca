import { Config } from '@backstage/config';
import {
  AllowList,
  allowListSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';

/**
 * Loopback only: a platform team that has said nothing gets instances
 * reachable from their own host alone, never from the network.
 */
export const BUILT_IN_DEFAULT_ALLOW_LIST: AllowList = {
  cidrs: ['127.0.0.0/8'],
};

/** `dbaas.allowList.default`: the allow-list of an instance created without one. */
export function readDefaultAllowList(config: Config): AllowList {
  const configured = config.getOptionalConfig('dbaas.allowList.default');
  if (!configured) return BUILT_IN_DEFAULT_ALLOW_LIST;
  const result = validate(allowListSchema, configured.get());
  if (!result.ok) {
    throw new Error(`dbaas.allowList.default: ${result.message}`);
  }
  return result.value;
}

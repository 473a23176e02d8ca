import {
  AllowList,
  networkContains,
  parseCidr,
} from '@justmanage/plugin-dbaas-common';
import { DriverCapabilities } from '@justmanage/plugin-dbaas-node';

function network(text: string) {
  const parsed = parseCidr(text);
  // Schema-checked before it gets here, and capabilities are ours.
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.network;
}

/**
 * What a platform cannot honour of an allow-list, worded per field: a
 * network its clients could never reach it from, or namespaces where it
 * has none.
 */
export function allowListProblems(
  allowList: AllowList,
  platform: string,
  caps: DriverCapabilities['allowList'],
): string[] {
  const problems: string[] = [];
  const reachable = caps.reachable.map(network);
  allowList.cidrs.forEach((cidr, index) => {
    const wanted = network(cidr);
    if (!reachable.some(outer => networkContains(outer, wanted))) {
      problems.push(
        `allowList.cidrs.${index}: clients in ${cidr} cannot reach platform ${platform}, which is reachable from ${caps.reachable.join(
          ', ',
        )} only`,
      );
    }
  });
  if (allowList.namespaces?.length && !caps.namespaces) {
    problems.push(
      `allowList.namespaces: platform ${platform} has no namespaces; allow networks with cidrs`,
    );
  }
  return problems;
}

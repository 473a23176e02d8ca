import { UpgradeCandidate, UpgradePlan } from '@justmanage/plugin-dbaas-common';

/**
 * The patch upgrade a policy would apply: the newest patch candidate the
 * platform runs and that can load the data. Minor and major candidates are
 * never chosen. With `securityOnly`, only a patch that fixes an advisory
 * affecting the running version.
 */
export function patchTarget(
  plan: UpgradePlan,
  securityOnly: boolean,
): UpgradeCandidate | undefined {
  // planUpgrades lists each kind newest first.
  return plan.candidates.find(
    c =>
      c.kind === 'patch' &&
      c.engine === plan.current.engine &&
      c.available &&
      c.rdbCompatible &&
      !c.blockedReason &&
      (!securityOnly || c.fixes.length > 0),
  );
}

export const targetLabel = (c: { engine: string; version: string }) =>
  `${c.engine} ${c.version}`;

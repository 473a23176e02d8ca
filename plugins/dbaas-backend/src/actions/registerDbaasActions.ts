import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerCreateInstanceAction } from './createInstanceAction';
import { registerDeleteInstanceAction } from './deleteInstanceAction';
import { registerGetConnectionDetailsAction } from './getConnectionDetailsAction';
import { registerGetInstanceAction } from './getInstanceAction';
import { registerGetOperationAction } from './getOperationAction';
import { registerGetUpgradePlanAction } from './getUpgradePlanAction';
import { registerListInstancesAction } from './listInstancesAction';
import { registerPreviewUpgradeAction } from './previewUpgradeAction';
import { registerResizeInstanceAction } from './resizeInstanceAction';
import { registerSetReplicasAction } from './setReplicasAction';
import { registerSetUpgradePolicyAction } from './setUpgradePolicyAction';
import { registerUpgradeInstanceAction } from './upgradeInstanceAction';
import { DbaasActionDeps } from './types';

/**
 * Registers the product's operations as Backstage actions (ids
 * `dbaas:<name>`), which the MCP actions backend offers to AI clients.
 * Each calls the services its REST route calls, with the same permission
 * checks on the caller's credentials and the same auditor events.
 */
export function registerDbaasActions(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  for (const register of [
    registerListInstancesAction,
    registerGetInstanceAction,
    registerGetConnectionDetailsAction,
    registerGetOperationAction,
    registerCreateInstanceAction,
    registerResizeInstanceAction,
    registerSetReplicasAction,
    registerGetUpgradePlanAction,
    registerPreviewUpgradeAction,
    registerUpgradeInstanceAction,
    registerSetUpgradePolicyAction,
    registerDeleteInstanceAction,
  ]) {
    register(registry, deps);
  }
}

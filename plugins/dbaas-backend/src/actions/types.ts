import { AuditorService } from '@backstage/backend-plugin-api';
import type { z as zod } from 'zod/v3';
import { CredentialStore } from '../database/CredentialStore';
import { AclUserStore } from '../users/AclUserStore';
import { InstanceStore } from '../database/InstanceStore';
import { OperationStore } from '../database/OperationStore';
import { UpgradePolicyService } from '../maintenance/UpgradePolicyService';
import { Metrics } from '../metrics/startMetrics';
import { OperationWaiter } from '../operations/OperationWaiter';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { InstanceService } from '../service/InstanceService';
import { UpgradeService } from '../upgrades/UpgradeService';
import { UpgradePlanner } from '../versions/upgradePlanner';

/**
 * The services the actions call: the same ones the REST routes call, so an
 * action and its route apply the same rules.
 */
export interface DbaasActionDeps {
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  instances: InstanceStore;
  operations: OperationStore;
  waiter: OperationWaiter;
  credentials: CredentialStore;
  users: AclUserStore;
  planUpgrades: UpgradePlanner;
  upgrades: UpgradeService;
  upgradePolicies: UpgradePolicyService;
  metrics: Metrics;
}

/**
 * The zod the actions registry hands to schema callbacks: version 3's API,
 * which the registry turns into the JSON schema MCP clients read.
 */
export type Zod = typeof zod;

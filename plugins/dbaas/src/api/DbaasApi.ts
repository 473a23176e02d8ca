import { createApiRef } from '@backstage/core-plugin-api';
import type { DbaasApiClient } from '@justmanage/plugin-dbaas-common';

/**
 * The dbaas backend's REST API as the frontend uses it: the methods of the
 * client generated from openapi.yaml that the UI calls. A Pick rather than
 * the class itself, whose private fields no fake could have.
 * @public
 */
export type DbaasApi = Pick<
  DbaasApiClient,
  | 'listPlatforms'
  | 'listInstances'
  | 'getInstance'
  | 'deleteInstance'
  | 'getConnection'
  | 'listOperations'
  | 'getOperation'
  | 'cancelOperation'
  | 'startKeyScan'
  | 'getLatestKeyScan'
  | 'getInstanceAdvisories'
  | 'getUpgradePlan'
  | 'listInstanceSecurity'
  | 'upgradeInstance'
  | 'getAvailability'
  | 'getFleetStatus'
  | 'getAlertRules'
  | 'updateAlertRules'
  | 'listInstanceAlerts'
  | 'listAlerts'
  | 'getMetricSeries'
  | 'getUpgradePolicy'
  | 'updateUpgradePolicy'
  | 'snoozeUpgradePolicy'
  | 'applyPendingPatch'
  | 'listMaintenanceDecisions'
  | 'updateInstance'
  | 'setReplicas'
  | 'previewConfigChange'
  | 'getSlowLog'
  | 'getLatency'
  | 'listAclUsers'
  | 'createAclUser'
  | 'updateAclUser'
  | 'deleteAclUser'
  | 'rotateAclUserPassword'
  | 'setAclUserRotation'
  | 'getAclUserConnection'
  | 'getInstanceTls'
  | 'rotateInstanceCertificates'
  | 'getVaultStatus'
  | 'issueVaultCredentials'
  | 'renewVaultLease'
  | 'revokeVaultLease'
  | 'createVaultStaticRole'
  | 'getVaultStaticCredentials'
  | 'deleteVaultStaticRole'
  | 'listBackups'
  | 'createBackup'
  | 'deleteBackup'
  | 'restoreBackup'
  | 'restoreBackupInPlace'
  | 'getBackupPolicy'
  | 'setBackupPolicy'
>;

/** @public */
export const dbaasApiRef = createApiRef<DbaasApi>({ id: 'plugin.dbaas.api' });

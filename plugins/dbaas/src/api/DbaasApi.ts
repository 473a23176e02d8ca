import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Alert,
  AlertRuleSettings,
  AlertRulesPatch,
  AlertState,
  InstanceAvailability,
  InstanceStatusSummary,
  ConnectionDetails,
  Instance,
  InstanceStatus,
  KeyScanReport,
  KeyScanRequest,
  Operation,
  Platform,
  InstanceAdvisories,
  InstanceSecurity,
  UpgradePlan,
  UpgradePreview,
  UpgradeRequest,
  VersionCatalogSnapshot,
  KeyspaceReport,
  MetricName,
  MetricSeriesResponse,
  MetricSnapshot,
  ReplicationReport,
  MaintenanceDecision,
  UpgradePolicy,
  UpgradePolicyRequest,
} from '@justmanage/plugin-dbaas-common';

/** @public */
export interface DbaasInstanceFilter {
  owner?: string;
  status?: InstanceStatus;
  platform?: string;
  name?: string;
}

/** What a delete returns: the instance and the operation doing the work. @public */
export interface DbaasAcceptedResponse {
  instance: Instance;
  operation: Operation;
}

/** A time-series query; the backend picks the step when none is given. @public */
export interface DbaasMetricQuery {
  metrics?: MetricName[];
  /** ISO 8601. */
  from?: string;
  to?: string;
  stepSeconds?: number;
}

/**
 * The dbaas backend's REST API as the frontend uses it.
 * @public
 */
export interface DbaasApi {
  listPlatforms(): Promise<Platform[]>;
  listInstances(filter?: DbaasInstanceFilter): Promise<Instance[]>;
  getInstance(id: string): Promise<Instance>;
  listOperations(instanceId: string): Promise<Operation[]>;
  /** Audited on the backend; only for users with the credentials permission. */
  getConnection(instanceId: string): Promise<ConnectionDetails>;
  deleteInstance(id: string): Promise<DbaasAcceptedResponse>;
  getOperation(id: string, options?: { waitMs?: number }): Promise<Operation>;
  /** Starts a big-key scan; needs the update permission. */
  startKeyScan(
    instanceId: string,
    request?: KeyScanRequest,
  ): Promise<{ operation: Operation }>;
  /** The newest stored key scan report; undefined before the first scan. */
  getLatestKeyScan(instanceId: string): Promise<KeyScanReport | undefined>;
  /** Asks to cancel a running operation of a cancellable type. */
  cancelOperation(operationId: string): Promise<Operation>;
  /** Releases and advisories of redis and valkey, and the feeds' health. */
  getVersionCatalog(): Promise<VersionCatalogSnapshot>;
  /** The advisories that affect the instance's exact version. */
  getInstanceAdvisories(instanceId: string): Promise<InstanceAdvisories>;
  /** Candidate versions grouped patch, minor, major, downgrade. */
  getUpgradePlan(instanceId: string): Promise<UpgradePlan>;
  /** Instances the user may read that have open advisories, worst first. */
  listInstanceSecurity(): Promise<InstanceSecurity[]>;
  /** A dry run: the exact steps of an upgrade, nothing changes. */
  previewUpgrade(
    instanceId: string,
    request: Omit<UpgradeRequest, 'dryRun'>,
  ): Promise<UpgradePreview>;
  /** Starts an upgrade or downgrade; needs the update permission. */
  upgradeInstance(
    instanceId: string,
    request: Omit<UpgradeRequest, 'dryRun'>,
  ): Promise<DbaasAcceptedResponse>;
  /** Up or down, uptime over 24 h and 7 d, and incidents of one instance. */
  getAvailability(instanceId: string): Promise<InstanceAvailability>;
  /** Every instance the user may read, for the status page. */
  getFleetStatus(): Promise<InstanceStatusSummary[]>;
  getAlertRules(instanceId: string): Promise<AlertRuleSettings>;
  /** Replaces the instance's changes to the defaults; needs update permission. */
  updateAlertRules(
    instanceId: string,
    overrides: AlertRulesPatch,
  ): Promise<AlertRuleSettings>;
  /** Firing alerts and those resolved within the last week. */
  listInstanceAlerts(instanceId: string, state?: AlertState): Promise<Alert[]>;
  /** The same for every instance the user may read. */
  listAlerts(state?: AlertState): Promise<Alert[]>;
  /** Time series of the instance's metrics, min/avg/max per step. */
  getMetricSeries(
    instanceId: string,
    query?: DbaasMetricQuery,
  ): Promise<MetricSeriesResponse>;
  /** The last collected values; undefined before the first collection. */
  getLatestMetrics(instanceId: string): Promise<MetricSnapshot | undefined>;
  /** Keys, expiring keys and average TTL per database, read live. */
  getKeyspace(instanceId: string): Promise<KeyspaceReport>;
  /** Role, replicas and their links, read live. */
  getReplication(instanceId: string): Promise<ReplicationReport>;
  /** The upgrade policy with its normalized windows and next openings. */
  getUpgradePolicy(instanceId: string): Promise<UpgradePolicy>;
  /** Replaces the upgrade policy; needs the update permission. */
  updateUpgradePolicy(
    instanceId: string,
    request: UpgradePolicyRequest,
  ): Promise<UpgradePolicy>;
  /** Skips the next window, or with cancel ends the snooze. */
  snoozeUpgradePolicy(
    instanceId: string,
    options?: { cancel?: boolean },
  ): Promise<UpgradePolicy>;
  /** Starts the pending patch upgrade now. */
  applyPendingPatch(instanceId: string): Promise<DbaasAcceptedResponse>;
  /** What the maintenance job decided for the instance, newest first. */
  listMaintenanceDecisions(instanceId: string): Promise<MaintenanceDecision[]>;
}

/** @public */
export const dbaasApiRef = createApiRef<DbaasApi>({ id: 'plugin.dbaas.api' });

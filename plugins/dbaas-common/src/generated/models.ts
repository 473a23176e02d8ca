// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT IT: edit openapi.yaml in *
// * plugins/dbaas-backend/src/schema and run `npm run generate:api`. *
// ******************************************************************
import type { components } from './openapi';

/** A run of failed health checks, from the first to the first good one after it. @public */
export type Incident = components['schemas']['Incident'];
/** @public */
export type InstanceAvailability =
  components['schemas']['InstanceAvailability'];
/** @public */
export type InstanceStatusSummary =
  components['schemas']['InstanceStatusSummary'];
/** @public */
export type PercentRule = components['schemas']['PercentRule'];
/** Changes to an instance's alert rules; whatever is left out follows the defaults. memory and cpu fire at or above thresholdPercent, evictions above thresholdPerSecond, down after consecutiveChecks failed checks. Unknown rules and settings are refused by name. @public */
export type AlertRulesPatch = components['schemas']['AlertRulesPatch'];
/** Thresholds of one instance's alert rules. memory: used memory at or above this share of maxmemory. cpu: CPU use at or above this share of the instance's CPU (at most one core, as Redis runs commands on one thread). evictions: keys evicted per second above this rate. down: this many health checks in a row failed. replication: a replica's link to the primary is down (replicated instances only). @public */
export type AlertRules = components['schemas']['AlertRules'];
/** @public */
export type AlertRuleSettings = components['schemas']['AlertRuleSettings'];
/** @public */
export type Alert = components['schemas']['Alert'];
/** @public */
export type AlertList = components['schemas']['AlertList'];
/** @public */
export type Error = components['schemas']['Error'];
/** @public */
export type Engine = components['schemas']['Engine'];
/** @public */
export type Persistence = components['schemas']['Persistence'];
/** @public */
export type MaxmemoryPolicy = components['schemas']['MaxmemoryPolicy'];
/** @public */
export type InstanceStatus = components['schemas']['InstanceStatus'];
/** @public */
export type InstanceResources = components['schemas']['InstanceResources'];
/** @public */
export type ResourcesPatch = components['schemas']['ResourcesPatch'];
/** Tunable Redis settings; see TUNABLE_PARAMETERS in dbaas-common (config/configParameters.ts) for the allowed keys and their rules. @public */
export type TunableConfig = components['schemas']['TunableConfig'];
/** @public */
export type InstanceEndpoint = components['schemas']['InstanceEndpoint'];
/** @public */
export type InstanceHealth = components['schemas']['InstanceHealth'];
/** @public */
export type Instance = components['schemas']['Instance'];
/** @public */
export type InstanceEvent = components['schemas']['InstanceEvent'];
/** Who may connect besides the control plane. Each platform enforces it its own way; GET /platforms says how (allowList). @public */
export type AllowList = components['schemas']['AllowList'];
/** required: every node speaks TLS only, with a certificate of the instance's own CA (GET /instances/{id}/tls); clients connect with rediss:// and trust that CA. preferred: a running instance on its way to required: each node keeps its plain port and serves TLS on a second one (InstanceEndpoint.tlsPort), so clients can move one by one; PUT /instances/{id}/tls moves between the modes. @public */
export type TlsMode = components['schemas']['TlsMode'];
/** @public */
export type SetTlsModeRequest = components['schemas']['SetTlsModeRequest'];
/** @public */
export type InstanceTls = components['schemas']['InstanceTls'];
/** @public */
export type CreateInstanceRequest =
  components['schemas']['CreateInstanceRequest'];
/** @public */
export type UpdateInstanceRequest =
  components['schemas']['UpdateInstanceRequest'];
/** read-only: reads, no dangerous commands; read-write-safe: reads, writes, transactions and pub/sub without the dangerous commands; read-write: also scripts and the dangerous data commands; full: every command but administration; custom: the user's own rules. Every user also gets -@admin. @public */
export type AclPreset = components['schemas']['AclPreset'];
/** @public */
export type AclUserPassword = components['schemas']['AclUserPassword'];
/** @public */
export type VaultLease = components['schemas']['VaultLease'];
/** @public */
export type CreateVaultStaticRoleRequest =
  components['schemas']['CreateVaultStaticRoleRequest'];
/** @public */
export type VaultStaticRole = components['schemas']['VaultStaticRole'];
/** @public */
export type VaultStaticCredentials =
  components['schemas']['VaultStaticCredentials'];
/** @public */
export type VaultStatus = components['schemas']['VaultStatus'];
/** @public */
export type IssueVaultCredentialsRequest =
  components['schemas']['IssueVaultCredentialsRequest'];
/** @public */
export type VaultCredentials = components['schemas']['VaultCredentials'];
/** @public */
export type IssuedVaultLease = components['schemas']['IssuedVaultLease'];
/** @public */
export type AclUser = components['schemas']['AclUser'];
/** The user's rotation schedule; null when its password is rotated on demand only. @public */
export type AclUserRotation = components['schemas']['AclUserRotation'];
/** @public */
export type AclUserList = components['schemas']['AclUserList'];
/** See createAclUserRequestSchema in dbaas-common for the rules in words. @public */
export type CreateAclUserRequest =
  components['schemas']['CreateAclUserRequest'];
/** The user's whole access; what is not given is not kept. @public */
export type UpdateAclUserRequest =
  components['schemas']['UpdateAclUserRequest'];
/** @public */
export type AclUserCreated = components['schemas']['AclUserCreated'];
/** @public */
export type RotateAclUserRequest =
  components['schemas']['RotateAclUserRequest'];
/** See setAclUserRotationRequestSchema in dbaas-common for the rules in words. @public */
export type SetAclUserRotationRequest =
  components['schemas']['SetAclUserRotationRequest'];
/** @public */
export type AclUserAccepted = components['schemas']['AclUserAccepted'];
/** @public */
export type SetReplicasRequest = components['schemas']['SetReplicasRequest'];
/** @public */
export type OperationStep = components['schemas']['OperationStep'];
/** @public */
export type OperationLogEntry = components['schemas']['OperationLogEntry'];
/** @public */
export type Operation = components['schemas']['Operation'];
/** How far a long step has got, saved as it runs. @public */
export type OperationProgress = components['schemas']['OperationProgress'];
/** @public */
export type KeyScanRequest = components['schemas']['KeyScanRequest'];
/** A key as the scan saw it; the name is the instance's data. @public */
export type ScannedKey = components['schemas']['ScannedKey'];
/** A key as a backup holds it; the name is the instance's data. @public */
export type AnalysedKey = components['schemas']['AnalysedKey'];
/** What a backup's RDB holds, read off the instance. Counts, totals, patterns and expiry come from the file (sizes as serialized); the top lists were ranked by MEMORY USAGE asked of the live server for the few biggest candidates of each type only. @public */
export type BackupAnalysis = components['schemas']['BackupAnalysis'];
/** @public */
export type KeyScanReport = components['schemas']['KeyScanReport'];
/** Keys and keys with a TTL of each database that holds any, by database number. @public */
export type BackupKeyspace = components['schemas']['BackupKeyspace'];
/** What a backup holds, as recorded when it was taken. @public */
export type BackupManifest = components['schemas']['BackupManifest'];
/** @public */
export type Backup = components['schemas']['Backup'];
/** @public */
export type BackupAccepted = components['schemas']['BackupAccepted'];
/** Either every N hours, or daily at a time in a zone. @public */
export type BackupSchedule = components['schemas']['BackupSchedule'];
/** @public */
export type BackupRetention = components['schemas']['BackupRetention'];
/** @public */
export type BackupPolicy = components['schemas']['BackupPolicy'];
/** @public */
export type BackupPolicyView = components['schemas']['BackupPolicyView'];
/** @public */
export type RestoreInPlaceRequest =
  components['schemas']['RestoreInPlaceRequest'];
/** The new instance; what is left out is as the backed-up instance had it. @public */
export type RestoreBackupRequest =
  components['schemas']['RestoreBackupRequest'];
/** @public */
export type Accepted = components['schemas']['Accepted'];
/** An upgrade or downgrade of the engine; see UpgradeRequest in dbaas-common. @public */
export type UpgradeRequest = components['schemas']['UpgradeRequest'];
/** @public */
export type UpgradeCandidate = components['schemas']['UpgradeCandidate'];
/** @public */
export type UpgradePreview = components['schemas']['UpgradePreview'];
/** Days (ISO, 1 = Monday), start and end wall-clock times in an IANA zone; an end at or before the start is on the next day. @public */
export type MaintenanceWindow = components['schemas']['MaintenanceWindow'];
/** @public */
export type PolicyWindow = components['schemas']['PolicyWindow'];
/** @public */
export type PlannedOpening = components['schemas']['PlannedOpening'];
/** @public */
export type UpgradePolicy = components['schemas']['UpgradePolicy'];
/** manual, or auto-patch inside the windows, given as phrases such as "Sundays 02:00-03:00 IST" (docs/maintenance-windows.md). A phrase that cannot be read is a 400 naming it, e.g. "windows.1: Unknown day ...". @public */
export type UpgradePolicyRequest =
  components['schemas']['UpgradePolicyRequest'];
/** @public */
export type SnoozeRequest = components['schemas']['SnoozeRequest'];
/** @public */
export type MaintenanceDecision = components['schemas']['MaintenanceDecision'];
/** @public */
export type MaintenanceDecisionList =
  components['schemas']['MaintenanceDecisionList'];
/** @public */
export type Platform = components['schemas']['Platform'];
/** @public */
export type Severity = components['schemas']['Severity'];
/** Where one branch (major.minor) is affected by an advisory. @public */
export type AffectedRange = components['schemas']['AffectedRange'];
/** @public */
export type Advisory = components['schemas']['Advisory'];
/** @public */
export type VersionRelease = components['schemas']['VersionRelease'];
/** @public */
export type AdvisoryFeedStatus = components['schemas']['AdvisoryFeedStatus'];
/** @public */
export type VersionCatalogSnapshot =
  components['schemas']['VersionCatalogSnapshot'];
/** @public */
export type InstanceAdvisories = components['schemas']['InstanceAdvisories'];
/** @public */
export type InstanceSecurity = components['schemas']['InstanceSecurity'];
/** @public */
export type UpgradePlan = components['schemas']['UpgradePlan'];
/** @public */
export type Range = components['schemas']['Range'];
/** @public */
export type ConnectionDetails = components['schemas']['ConnectionDetails'];
/** @public */
export type MetricName = components['schemas']['MetricName'];
/** Minimum, average and maximum of the samples in the step starting at time. @public */
export type MetricPoint = components['schemas']['MetricPoint'];
/** @public */
export type MetricSeriesResponse =
  components['schemas']['MetricSeriesResponse'];
/** @public */
export type MetricSnapshot = components['schemas']['MetricSnapshot'];
/** @public */
export type KeyspaceReport = components['schemas']['KeyspaceReport'];
/** A command that ran longer than slowlog-log-slower-than. Only its name, its first key and how many further arguments it had are given: values, passwords and every other argument stay on the instance. @public */
export type SlowLogEntry = components['schemas']['SlowLogEntry'];
/** The newest slow commands of the primary, newest first; the control plane's own commands left out. @public */
export type SlowLog = components['schemas']['SlowLog'];
/** One kind of event the latency monitor recorded (LATENCY LATEST). @public */
export type LatencyEvent = components['schemas']['LatencyEvent'];
/** @public */
export type LatencyReport = components['schemas']['LatencyReport'];
/** The configuration part of UpdateInstanceRequest; config replaces the whole map, as it does there. @public */
export type ConfigChangeRequest = components['schemas']['ConfigChangeRequest'];
/** @public */
export type ConfigChange = components['schemas']['ConfigChange'];
/** @public */
export type ConfigChangePreview = components['schemas']['ConfigChangePreview'];
/** @public */
export type ReplicaLink = components['schemas']['ReplicaLink'];
/** @public */
export type ReplicationNode = components['schemas']['ReplicationNode'];
/** @public */
export type ReplicationReport = components['schemas']['ReplicationReport'];

// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT IT: edit openapi.yaml in *
// * plugins/dbaas-backend/src/schema and run `npm run generate:api`. *
// ******************************************************************
import { ResponseError } from '@backstage/errors';
import type { operations } from './openapi';
import type {
  Accepted,
  AclUser,
  AclUserAccepted,
  AclUserCreated,
  AclUserList,
  AlertList,
  AlertRuleSettings,
  AlertRulesPatch,
  BackupAccepted,
  BackupAnalysis,
  BackupPolicy,
  BackupPolicyView,
  ConfigChangePreview,
  ConfigChangeRequest,
  ConnectionDetails,
  CreateAclUserRequest,
  CreateInstanceRequest,
  CreateVaultStaticRoleRequest,
  Instance,
  InstanceAdvisories,
  InstanceAvailability,
  InstanceTls,
  IssueVaultCredentialsRequest,
  KeyScanReport,
  KeyScanRequest,
  KeyspaceReport,
  LatencyReport,
  MaintenanceDecisionList,
  MetricSeriesResponse,
  MetricSnapshot,
  Operation,
  ReplicationReport,
  RestoreBackupRequest,
  RestoreInPlaceRequest,
  RotateAclUserRequest,
  SetAclUserRotationRequest,
  SetReplicasRequest,
  SetTlsModeRequest,
  SlowLog,
  SnoozeRequest,
  UpdateAclUserRequest,
  UpdateInstanceRequest,
  UpgradePlan,
  UpgradePolicy,
  UpgradePolicyRequest,
  UpgradePreview,
  UpgradeRequest,
  VaultCredentials,
  VaultLease,
  VaultStaticCredentials,
  VaultStaticRole,
  VaultStatus,
  VersionCatalogSnapshot,
} from './models';

/** Where the client finds the dbaas backend: the frontend's discoveryApi or the backend's discovery service fit. @public */
export interface DbaasDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** How the client sends requests: the frontend's fetchApi adds the signed-in user's token. @public */
export interface DbaasFetch {
  fetch: typeof fetch;
}

/** Per call: a Backstage token to send, and a signal to abort the request. @public */
export interface DbaasRequestOptions {
  token?: string;
  signal?: AbortSignal;
}

/**
 * The dbaas REST API, one method per operation of the OpenAPI document.
 * Methods resolve with the response body and reject with a ResponseError
 * carrying the backend's error for any other status.
 * @public
 */
export class DbaasApiClient {
  readonly #discovery: DbaasDiscovery;
  readonly #fetch: typeof fetch;

  constructor(options: {
    discoveryApi: DbaasDiscovery;
    fetchApi?: DbaasFetch;
  }) {
    this.#discovery = options.discoveryApi;
    this.#fetch =
      options.fetchApi?.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Every instance's latest reading in Prometheus text format 0.0.4, with redis_exporter's metric names and the labels instance, owner, platform and region (docs/metrics.md). Send the token of dbaas.metrics.prometheus.token as a bearer token, or Backstage service credentials; user tokens are refused. */
  async getPrometheusMetrics(
    options: DbaasRequestOptions = {},
  ): Promise<string> {
    return this.#send(
      { method: 'GET', path: `/metrics`, accept: 'text' },
      options,
    );
  }

  /** Time series of the instance's metrics, min/avg/max per step. Raw samples answer ranges within their retention (24 hours by default); older ranges come from 5-minute rollups (30 days by default). */
  async getMetricSeries(
    instanceId: string,
    request: {
      query?: operations['GetMetricSeries']['parameters']['query'];
    } = {},
    options: DbaasRequestOptions = {},
  ): Promise<MetricSeriesResponse> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/metrics`,
        query: request.query,
      },
      options,
    );
  }

  /** The values of the last successful collection; 404 before the first. */
  async getLatestMetrics(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<MetricSnapshot> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/metrics/latest`,
      },
      options,
    );
  }

  /** Keys, expiring keys and average TTL per database, asked of the primary now. */
  async getKeyspace(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<KeyspaceReport> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/keyspace`,
      },
      options,
    );
  }

  /** The primary's role and replicas (state, offset, lag), and each replica's link to the primary, asked of the nodes now. */
  async getReplication(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<ReplicationReport> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/replication`,
      },
      options,
    );
  }

  /** The newest slow commands of the primary (SLOWLOG GET), asked now: each with its command, its first key and its duration; every other argument is left out. Needs the read permission. */
  async getSlowLog(
    instanceId: string,
    request: { query?: operations['GetSlowLog']['parameters']['query'] } = {},
    options: DbaasRequestOptions = {},
  ): Promise<SlowLog> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/slowlog`,
        query: request.query,
      },
      options,
    );
  }

  /** The latency monitor's newest and worst event of each kind on the primary (LATENCY LATEST), asked now. Needs the read permission. */
  async getLatency(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<LatencyReport> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/latency`,
      },
      options,
    );
  }

  /** What PATCH /instances/{instanceId} with these settings would change, and whether each change applies live (CONFIG SET) or at the next restart. Changes nothing; refuses what the PATCH would refuse (400 naming the field and the rule). Needs the update permission. */
  async previewConfigChange(
    instanceId: string,
    request: { body: ConfigChangeRequest },
    options: DbaasRequestOptions = {},
  ): Promise<ConfigChangePreview> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(instanceId)}/config/preview`,
        body: request.body,
      },
      options,
    );
  }

  /** Every instance the caller may read: up or down, uptime over 24 hours and 7 days, the open incident and how many alerts fire. */
  async getFleetStatus(
    options: DbaasRequestOptions = {},
  ): Promise<
    operations['GetFleetStatus']['responses'][200]['content']['application/json']
  > {
    return this.#send({ method: 'GET', path: `/status` }, options);
  }

  /** Alerts of every instance the caller may read: firing ones, and those resolved within the last 7 days. */
  async listAlerts(
    request: { query?: operations['ListAlerts']['parameters']['query'] } = {},
    options: DbaasRequestOptions = {},
  ): Promise<AlertList> {
    return this.#send(
      { method: 'GET', path: `/alerts`, query: request.query },
      options,
    );
  }

  /** Up or down now, uptime over 24 hours and 7 days (of the time health checks covered), and the incidents of the last 7 days. */
  async getAvailability(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<InstanceAvailability> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/availability`,
      },
      options,
    );
  }

  /** The rules in force, the defaults, and what this instance changed. */
  async getAlertRules(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<AlertRuleSettings> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/alert-rules`,
      },
      options,
    );
  }

  /** Replaces the instance's changes to the default rules. Needs the update permission; audited. A bad threshold is a 400 naming the field. */
  async updateAlertRules(
    instanceId: string,
    request: { body: AlertRulesPatch },
    options: DbaasRequestOptions = {},
  ): Promise<AlertRuleSettings> {
    return this.#send(
      {
        method: 'PUT',
        path: `/instances/${encodeURIComponent(instanceId)}/alert-rules`,
        body: request.body,
      },
      options,
    );
  }

  /** The instance's firing alerts and those resolved within the last 7 days. */
  async listInstanceAlerts(
    instanceId: string,
    request: {
      query?: operations['ListInstanceAlerts']['parameters']['query'];
    } = {},
    options: DbaasRequestOptions = {},
  ): Promise<AlertList> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/alerts`,
        query: request.query,
      },
      options,
    );
  }

  /** Liveness of the plugin; no credentials needed. */
  async getHealth(
    options: DbaasRequestOptions = {},
  ): Promise<
    operations['GetHealth']['responses'][200]['content']['application/json']
  > {
    return this.#send({ method: 'GET', path: `/health` }, options);
  }

  /** The drivers, with the regions, engines, versions and limits each can run. */
  async listPlatforms(
    options: DbaasRequestOptions = {},
  ): Promise<
    operations['ListPlatforms']['responses'][200]['content']['application/json']
  > {
    return this.#send({ method: 'GET', path: `/platforms` }, options);
  }

  /** The instances the caller may read. */
  async listInstances(
    request: {
      query?: operations['ListInstances']['parameters']['query'];
    } = {},
    options: DbaasRequestOptions = {},
  ): Promise<
    operations['ListInstances']['responses'][200]['content']['application/json']
  > {
    return this.#send(
      { method: 'GET', path: `/instances`, query: request.query },
      options,
    );
  }

  /** Accepts a new instance and returns the create operation. With an Idempotency-Key, repeating the request returns the same instance and operation instead of a second instance. */
  async createInstance(
    request: {
      headers?: operations['CreateInstance']['parameters']['header'];
      body: CreateInstanceRequest;
    },
    options: DbaasRequestOptions = {},
  ): Promise<Accepted> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances`,
        headers: request.headers,
        body: request.body,
      },
      options,
    );
  }

  async getInstance(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<Instance> {
    return this.#send(
      { method: 'GET', path: `/instances/${encodeURIComponent(instanceId)}` },
      options,
    );
  }

  /** Stops the instance and removes its data through a delete operation. */
  async deleteInstance(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<Accepted> {
    return this.#send(
      {
        method: 'DELETE',
        path: `/instances/${encodeURIComponent(instanceId)}`,
      },
      options,
    );
  }

  /** Changes resources, configuration or description through an update operation. */
  async updateInstance(
    instanceId: string,
    request: { body: UpdateInstanceRequest },
    options: DbaasRequestOptions = {},
  ): Promise<Accepted> {
    return this.#send(
      {
        method: 'PATCH',
        path: `/instances/${encodeURIComponent(instanceId)}`,
        body: request.body,
      },
      options,
    );
  }

  /** The instance's ACL users, the default app user first; the control plane's own users are not listed. No passwords. Needs the users read permission. */
  async listAclUsers(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<AclUserList> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/users`,
      },
      options,
    );
  }

  /** Creates a user with a generated password, shown in this answer once, through a users operation that puts it on every data node and Sentinel and proves it by logging in on each. 400 names a bad username or rule (categories and commands are checked against the instance's engine); 409 when the name is taken. Needs the users manage permission; audited. */
  async createAclUser(
    instanceId: string,
    request: { body: CreateAclUserRequest },
    options: DbaasRequestOptions = {},
  ): Promise<AclUserCreated> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(instanceId)}/users`,
        body: request.body,
      },
      options,
    );
  }

  /** One user, without passwords. Needs the users read permission. */
  async getAclUser(
    instanceId: string,
    username: string,
    options: DbaasRequestOptions = {},
  ): Promise<AclUser> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/users/${encodeURIComponent(username)}`,
      },
      options,
    );
  }

  /** Revokes the user through a users operation: it is removed from every node and its live sessions are closed. Not for the default user (409). Needs the users manage permission; audited. */
  async deleteAclUser(
    instanceId: string,
    username: string,
    options: DbaasRequestOptions = {},
  ): Promise<Accepted> {
    return this.#send(
      {
        method: 'DELETE',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/users/${encodeURIComponent(username)}`,
      },
      options,
    );
  }

  /** Replaces the user's access (preset, keys or rules) through a users operation; sessions stay open and follow the new rules. Not for the default user (409). Needs the users manage permission; audited. */
  async updateAclUser(
    instanceId: string,
    username: string,
    request: { body: UpdateAclUserRequest },
    options: DbaasRequestOptions = {},
  ): Promise<AclUserAccepted> {
    return this.#send(
      {
        method: 'PATCH',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/users/${encodeURIComponent(username)}`,
        body: request.body,
      },
      options,
    );
  }

  /** Gives the user a new generated password, shown in this answer once, beside the old one, through a users operation that sets both on every node (ACL SETUSER: no session is closed). The old password keeps working for graceSeconds; then the scheduled retirement removes it the same way. Needs the users manage permission; audited. */
  async rotateAclUserPassword(
    instanceId: string,
    username: string,
    request: { body?: RotateAclUserRequest } = {},
    options: DbaasRequestOptions = {},
  ): Promise<AclUserCreated> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/users/${encodeURIComponent(username)}/rotate`,
        body: request.body,
      },
      options,
    );
  }

  /** Sets or clears (everyDays null) the user's rotation schedule. Every minute the scheduler rotates the users whose nextAt has passed, as RotateAclUserPassword does, with the schedule's grace; the new password is read with GetAclUserConnection. Not for users whose passwords Vault sets (409). Needs the users manage permission; audited. */
  async setAclUserRotation(
    instanceId: string,
    username: string,
    request: { body: SetAclUserRotationRequest },
    options: DbaasRequestOptions = {},
  ): Promise<AclUser> {
    return this.#send(
      {
        method: 'PUT',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/users/${encodeURIComponent(username)}/rotation`,
        body: request.body,
      },
      options,
    );
  }

  /** Host, port and this user's current password. Needs the credentials permission; every call is audited. */
  async getAclUserConnection(
    instanceId: string,
    username: string,
    options: DbaasRequestOptions = {},
  ): Promise<ConnectionDetails> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/users/${encodeURIComponent(username)}/connection`,
      },
      options,
    );
  }

  /** Whether the instance is registered with Vault's database secrets engine (dbaas.vault), the roles owners can get credentials for, and the leases issued through the product. 404 when Vault is not configured. Needs the users read permission. */
  async getVaultStatus(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<VaultStatus> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/vault`,
      },
      options,
    );
  }

  /** Dynamic credentials from Vault for one of the preset roles. Vault's plugin creates the user on one node; the product puts it on every data node and Sentinel and into their ACL files before answering. The password is in this answer only. 400 names an unknown role, 409 an instance Vault does not know yet, 503 a Vault that is down or sealed (with Vault's reason). Needs the credentials permission; audited and recorded as an event. */
  async issueVaultCredentials(
    instanceId: string,
    request: { body: IssueVaultCredentialsRequest },
    options: DbaasRequestOptions = {},
  ): Promise<VaultCredentials> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(instanceId)}/vault/credentials`,
        body: request.body,
      },
      options,
    );
  }

  /** Hands a user made through the Users API to a Vault static role (<instance>-<username>): Vault rotates its password at once and then every rotationPeriodSeconds, on every node; the passwords it had keep working for dbaas.vault.rotationGraceSeconds, and the product keeps none from then on. 400 names the field and the rule, 404 an unknown user, 409 the default user or one Vault manages already or an instance Vault does not know yet, 503 Vault down or sealed. Needs the users manage permission; audited and recorded as an event. */
  async createVaultStaticRole(
    instanceId: string,
    request: { body: CreateVaultStaticRoleRequest },
    options: DbaasRequestOptions = {},
  ): Promise<VaultStaticRole> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(instanceId)}/vault/static-roles`,
        body: request.body,
      },
      options,
    );
  }

  /** Ends the static role in Vault and deletes the user on every node, closing its sessions. Needs the users manage permission; audited. */
  async deleteVaultStaticRole(
    instanceId: string,
    username: string,
    options: DbaasRequestOptions = {},
  ): Promise<void> {
    return this.#send(
      {
        method: 'DELETE',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/vault/static-roles/${encodeURIComponent(username)}`,
      },
      options,
    );
  }

  /** The static role's current password as Vault gives it, with the time to its next rotation. Needs the credentials permission; audited and recorded as an event. */
  async getVaultStaticCredentials(
    instanceId: string,
    username: string,
    options: DbaasRequestOptions = {},
  ): Promise<VaultStaticCredentials> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/vault/static-roles/${encodeURIComponent(username)}/credentials`,
      },
      options,
    );
  }

  /** Renews a lease issued through the product, up to the role's max TTL. Needs the credentials permission; audited. */
  async renewVaultLease(
    instanceId: string,
    leaseId: string,
    options: DbaasRequestOptions = {},
  ): Promise<VaultLease> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/vault/leases/${encodeURIComponent(leaseId)}/renew`,
      },
      options,
    );
  }

  /** Revokes a lease: Vault deletes its user, and the product deletes it on every other node, which closes its sessions. Needs the credentials permission; audited and recorded as an event. */
  async revokeVaultLease(
    instanceId: string,
    leaseId: string,
    options: DbaasRequestOptions = {},
  ): Promise<VaultLease> {
    return this.#send(
      {
        method: 'DELETE',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/vault/leases/${encodeURIComponent(leaseId)}`,
      },
      options,
    );
  }

  /** Adds or removes replicas through a replicas operation, while the primary keeps serving. Going from 0 adds 3 Sentinels too; going to 0 removes them. Before a replica that is the primary is removed, the primary role moves to a node that stays, with writes held for a moment so that none is lost. 400 names a count outside 0 and the platform's maxReplicas; 409 when the instance already has that many or is not running. Needs the update permission. */
  async setReplicas(
    instanceId: string,
    request: { body: SetReplicasRequest },
    options: DbaasRequestOptions = {},
  ): Promise<Accepted> {
    return this.#send(
      {
        method: 'PUT',
        path: `/instances/${encodeURIComponent(instanceId)}/replicas`,
        body: request.body,
      },
      options,
    );
  }

  /** The instance's TLS mode and, with TLS, its CA certificate (public: clients trust it) and when the node certificates expire and are renewed. Needs the read permission. */
  async getInstanceTls(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<InstanceTls> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/tls`,
      },
      options,
    );
  }

  /** Moves a running instance between TLS modes through a tls-mode operation, without a restart: disabled to preferred (each node opens a TLS port beside its plain one; the instance gets its CA if it has none), preferred to required (the plain ports close; connected clients stay connected, and the TLS port becomes the node's port), and preferred back to disabled. Going from disabled straight to required, or down from required, is refused (409), as is a replicated instance (it gets TLS at creation) or one that is not running. Needs the update permission. */
  async setInstanceTlsMode(
    instanceId: string,
    request: { body: SetTlsModeRequest },
    options: DbaasRequestOptions = {},
  ): Promise<Accepted> {
    return this.#send(
      {
        method: 'PUT',
        path: `/instances/${encodeURIComponent(instanceId)}/tls`,
        body: request.body,
      },
      options,
    );
  }

  /** Issues new node certificates now through a certificates operation; every node loads its new certificate without a restart, so connected clients stay connected. The CA stays the same. 409 when the instance has no TLS or is not running. Needs the update permission. */
  async rotateInstanceCertificates(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<Accepted> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(instanceId)}/tls/rotate`,
      },
      options,
    );
  }

  /** Moves the instance to another engine version through an upgrade operation: snapshot, switch, verification, and a rollback to the snapshot on any failure. A target that cannot load the data is refused (409) unless restoreSnapshot is set with confirm equal to the instance name. With dryRun, returns the steps and changes nothing. Needs the update permission. */
  async upgradeInstance(
    instanceId: string,
    request: { body: UpgradeRequest },
    options: DbaasRequestOptions = {},
  ): Promise<UpgradePreview | Accepted> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(instanceId)}/upgrade`,
        body: request.body,
      },
      options,
    );
  }

  /** The instance's upgrade policy (manual when none was set), its windows with their normalized phrases, and the next three openings. */
  async getUpgradePolicy(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<UpgradePolicy> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/upgrade-policy`,
      },
      options,
    );
  }

  /** Replaces the policy. Needs the update permission; audited. */
  async updateUpgradePolicy(
    instanceId: string,
    request: { body: UpgradePolicyRequest },
    options: DbaasRequestOptions = {},
  ): Promise<UpgradePolicy> {
    return this.#send(
      {
        method: 'PUT',
        path: `/instances/${encodeURIComponent(instanceId)}/upgrade-policy`,
        body: request.body,
      },
      options,
    );
  }

  /** Skips the next opening (the one open now, if any; after a snooze, the one after it), or with cancel ends the snooze. Needs the update permission; audited. */
  async snoozeUpgradePolicy(
    instanceId: string,
    request: { body?: SnoozeRequest } = {},
    options: DbaasRequestOptions = {},
  ): Promise<UpgradePolicy> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/upgrade-policy/snooze`,
        body: request.body,
      },
      options,
    );
  }

  /** Starts the pending patch upgrade now, whatever the windows say, as an upgrade operation. 409 when no patch is pending. Needs the update permission; audited. */
  async applyPendingPatch(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<Accepted> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/upgrade-policy/apply-now`,
      },
      options,
    );
  }

  /** What the maintenance job decided for the instance, newest first (the last 50). */
  async listMaintenanceDecisions(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<MaintenanceDecisionList> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/upgrade-policy/decisions`,
      },
      options,
    );
  }

  /** Releases of redis and valkey (date, end of support, RDB format, breaking changes) and the security advisories against them: the data shipped with the plugin merged with what the release watcher fetched, and how each upstream feed's last refresh went. */
  async getVersionCatalog(
    options: DbaasRequestOptions = {},
  ): Promise<VersionCatalogSnapshot> {
    return this.#send({ method: 'GET', path: `/versions` }, options);
  }

  /** Every instance the caller may read that has open advisories, with them, worst severity first. */
  async listInstanceSecurity(
    options: DbaasRequestOptions = {},
  ): Promise<
    operations['ListInstanceSecurity']['responses'][200]['content']['application/json']
  > {
    return this.#send({ method: 'GET', path: `/security` }, options);
  }

  /** The advisories that affect the instance's exact version (builds included), most severe first. */
  async getInstanceAdvisories(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<InstanceAdvisories> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/advisories`,
      },
      options,
    );
  }

  /** Candidate versions grouped patch, minor, major and downgrade, each with the advisories it fixes, breaking changes, release notes, whether the platform runs it, RDB compatibility, strategy and expected downtime. */
  async getUpgradePlan(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<UpgradePlan> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/upgrade-plan`,
      },
      options,
    );
  }

  async listOperations(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<
    operations['ListOperations']['responses'][200]['content']['application/json']
  > {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/operations`,
      },
      options,
    );
  }

  /** What happened to the instance, newest first, in the words of its history: requests, finished and failed changes, failovers, rotations, with who did them. Needs the read permission. */
  async listInstanceEvents(
    instanceId: string,
    request: {
      query?: operations['ListInstanceEvents']['parameters']['query'];
    } = {},
    options: DbaasRequestOptions = {},
  ): Promise<
    operations['ListInstanceEvents']['responses'][200]['content']['application/json']
  > {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/events`,
        query: request.query,
      },
      options,
    );
  }

  /** Host, port and the credentials of the instance's default app user. Needs the separate credentials permission; every call is audited. */
  async getConnection(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<ConnectionDetails> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/connection`,
      },
      options,
    );
  }

  /** Starts a scan of every key (SCAN with pipelined TYPE, MEMORY USAGE and element counts) as a cancellable operation with progress. Needs the update permission. 409 while another operation runs or the instance is not running. */
  async startKeyScan(
    instanceId: string,
    request: { body?: KeyScanRequest } = {},
    options: DbaasRequestOptions = {},
  ): Promise<
    operations['StartKeyScan']['responses'][202]['content']['application/json']
  > {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(instanceId)}/key-scans`,
        body: request.body,
      },
      options,
    );
  }

  /** The report of the newest finished key scan; 404 before the first. */
  async getLatestKeyScan(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<KeyScanReport> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/key-scans/latest`,
      },
      options,
    );
  }

  /** The instance's backups, newest first, with size and age; also after the instance was deleted, while it has backups. Needs the read permission. */
  async listBackups(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<
    operations['ListBackups']['responses'][200]['content']['application/json']
  > {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/backups`,
      },
      options,
    );
  }

  /** Backs the instance up now, through a backup operation with progress: the RDB (saved on a replica when there is one), the ACL users (password hashes only), the configuration and a manifest, encrypted and checksummed. 409 while another operation runs or the instance is not running. Needs the backup permission. */
  async createBackup(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<BackupAccepted> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(instanceId)}/backups`,
      },
      options,
    );
  }

  /** Removes a finished backup from its store and the catalog, also one of a deleted instance. Needs the backup permission. */
  async deleteBackup(
    instanceId: string,
    backupId: string,
    options: DbaasRequestOptions = {},
  ): Promise<void> {
    return this.#send(
      {
        method: 'DELETE',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/backups/${encodeURIComponent(backupId)}`,
      },
      options,
    );
  }

  /** Memory analysis of a complete backup, read from its RDB off the instance: top keys by size and by element count per type, key pattern groups, per-type counts and totals, and an expiry histogram. The live server is asked MEMORY USAGE only for the few top candidates, never a command per key. Its report names keys, the instance's data, so it needs the read permission. */
  async analyseBackup(
    instanceId: string,
    backupId: string,
    request: {
      query?: operations['AnalyseBackup']['parameters']['query'];
    } = {},
    options: DbaasRequestOptions = {},
  ): Promise<BackupAnalysis> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/backups/${encodeURIComponent(backupId)}/analysis`,
        query: request.query,
      },
      options,
    );
  }

  /** Restores a backup into a new instance, through a restore operation that fails unless the new instance's key counts and digest equal the backup's manifest. Refused up front (400) when the target engine and version cannot read the backup's RDB format, or when the stored backup does not match its checksum; nothing is created then. The backed-up instance may have been deleted: the new one then takes the settings the backup recorded. Needs the restore permission on the backed-up instance and the create permission for the new one. */
  async restoreBackup(
    instanceId: string,
    backupId: string,
    request: { body: RestoreBackupRequest },
    options: DbaasRequestOptions = {},
  ): Promise<Accepted> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/backups/${encodeURIComponent(backupId)}/restore`,
        body: request.body,
      },
      options,
    );
  }

  /** Replaces the running instance's data with one of its backups, through a restore-in-place operation: a safety backup of the data as it is first, then the backup is loaded and verified against its manifest; on a failure after the data was replaced, the safety backup is put back. The body's confirm must be the instance's name (400 otherwise). Refused up front like a restore into a new instance (format, checksums); 409 unless the instance is running. Needs the restore and update permissions. */
  async restoreBackupInPlace(
    instanceId: string,
    backupId: string,
    request: { body: RestoreInPlaceRequest },
    options: DbaasRequestOptions = {},
  ): Promise<Accepted> {
    return this.#send(
      {
        method: 'POST',
        path: `/instances/${encodeURIComponent(
          instanceId,
        )}/backups/${encodeURIComponent(backupId)}/restore-in-place`,
        body: request.body,
      },
      options,
    );
  }

  /** The instance's backup policy (or the default), when it runs next and when it last backed up. Needs the read permission. */
  async getBackupPolicy(
    instanceId: string,
    options: DbaasRequestOptions = {},
  ): Promise<BackupPolicyView> {
    return this.#send(
      {
        method: 'GET',
        path: `/instances/${encodeURIComponent(instanceId)}/backup-policy`,
      },
      options,
    );
  }

  /** Sets when the instance is backed up (every N hours, or daily at a time in a zone) and how long backups are kept (by count and by age). Needs the backup permission. */
  async setBackupPolicy(
    instanceId: string,
    request: { body: BackupPolicy },
    options: DbaasRequestOptions = {},
  ): Promise<BackupPolicyView> {
    return this.#send(
      {
        method: 'PUT',
        path: `/instances/${encodeURIComponent(instanceId)}/backup-policy`,
        body: request.body,
      },
      options,
    );
  }

  /** Asks to cancel a pending or running operation of a cancellable type (scan-keys); it ends as failed with "Cancelled by <user>". Needs the update permission on its instance. 409 for other types or finished operations. */
  async cancelOperation(
    operationId: string,
    options: DbaasRequestOptions = {},
  ): Promise<Operation> {
    return this.#send(
      {
        method: 'POST',
        path: `/operations/${encodeURIComponent(operationId)}/cancel`,
      },
      options,
    );
  }

  /** With waitMs, the request is held until the operation has finished or waitMs has passed, so clients need not poll. */
  async getOperation(
    operationId: string,
    request: { query?: operations['GetOperation']['parameters']['query'] } = {},
    options: DbaasRequestOptions = {},
  ): Promise<Operation> {
    return this.#send(
      {
        method: 'GET',
        path: `/operations/${encodeURIComponent(operationId)}`,
        query: request.query,
      },
      options,
    );
  }

  async #send(
    request: {
      method: string;
      path: string;
      query?: object;
      headers?: object;
      body?: unknown;
      accept?: 'text';
    },
    options: DbaasRequestOptions,
  ): Promise<any> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null)
          search.append(key, String(item));
      }
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers ?? {})) {
      if (value !== undefined && value !== null) headers[key] = String(value);
    }
    if (request.body !== undefined)
      headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const baseUrl = await this.#discovery.getBaseUrl('dbaas');
    const query = search.toString();
    const response = await this.#fetch(
      `${baseUrl}${request.path}${query ? `?${query}` : ''}`,
      {
        method: request.method,
        headers,
        body:
          request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: options.signal,
      },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    if (request.accept === 'text') return response.text();
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }
}

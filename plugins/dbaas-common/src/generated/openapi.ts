// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT IT: edit openapi.yaml in *
// * plugins/dbaas-backend/src/schema and run `npm run generate:api`. *
// ******************************************************************
/* eslint-disable */
export interface paths {
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every instance's latest reading in Prometheus text format 0.0.4, with redis_exporter's metric names and the labels instance, owner, platform and region (docs/metrics.md). Send the token of dbaas.metrics.prometheus.token as a bearer token, or Backstage service credentials; user tokens are refused. */
    get: operations['GetPrometheusMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description Time series of the instance's metrics, min/avg/max per step. Raw samples answer ranges within their retention (24 hours by default); older ranges come from 5-minute rollups (30 days by default). */
    get: operations['GetMetricSeries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/metrics/latest': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The values of the last successful collection; 404 before the first. */
    get: operations['GetLatestMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/keyspace': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description Keys, expiring keys and average TTL per database, asked of the primary now. */
    get: operations['GetKeyspace'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/replication': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The primary's role and replicas (state, offset, lag), and each replica's link to the primary, asked of the nodes now. */
    get: operations['GetReplication'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/slowlog': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The newest slow commands of the primary (SLOWLOG GET), asked now: each with its command, its first key and its duration; every other argument is left out. Needs the read permission. */
    get: operations['GetSlowLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/latency': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The latency monitor's newest and worst event of each kind on the primary (LATENCY LATEST), asked now. Needs the read permission. */
    get: operations['GetLatency'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/config/preview': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description What PATCH /instances/{instanceId} with these settings would change, and whether each change applies live (CONFIG SET) or at the next restart. Changes nothing; refuses what the PATCH would refuse (400 naming the field and the rule). Needs the update permission. */
    post: operations['PreviewConfigChange'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every instance the caller may read: up or down, uptime over 24 hours and 7 days, the open incident and how many alerts fire. */
    get: operations['GetFleetStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Alerts of every instance the caller may read: firing ones, and those resolved within the last 7 days. */
    get: operations['ListAlerts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/availability': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description Up or down now, uptime over 24 hours and 7 days (of the time health checks covered), and the incidents of the last 7 days. */
    get: operations['GetAvailability'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/alert-rules': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The rules in force, the defaults, and what this instance changed. */
    get: operations['GetAlertRules'];
    /** @description Replaces the instance's changes to the default rules. Needs the update permission; audited. A bad threshold is a 400 naming the field. */
    put: operations['UpdateAlertRules'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The instance's firing alerts and those resolved within the last 7 days. */
    get: operations['ListInstanceAlerts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Liveness of the plugin; no credentials needed. */
    get: operations['GetHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/platforms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The drivers, with the regions, engines, versions and limits each can run. */
    get: operations['ListPlatforms'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The instances the caller may read. */
    get: operations['ListInstances'];
    put?: never;
    /** @description Accepts a new instance and returns the create operation. With an Idempotency-Key, repeating the request returns the same instance and operation instead of a second instance. */
    post: operations['CreateInstance'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get: operations['GetInstance'];
    put?: never;
    post?: never;
    /** @description Stops the instance and removes its data through a delete operation. */
    delete: operations['DeleteInstance'];
    options?: never;
    head?: never;
    /** @description Changes resources, configuration or description through an update operation. */
    patch: operations['UpdateInstance'];
    trace?: never;
  };
  '/instances/{instanceId}/users': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The instance's ACL users, the default app user first; the control plane's own users are not listed. No passwords. Needs the users read permission. */
    get: operations['ListAclUsers'];
    put?: never;
    /** @description Creates a user with a generated password, shown in this answer once, through a users operation that puts it on every data node and Sentinel and proves it by logging in on each. 400 names a bad username or rule (categories and commands are checked against the instance's engine); 409 when the name is taken. Needs the users manage permission; audited. */
    post: operations['CreateAclUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/users/{username}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    /** @description One user, without passwords. Needs the users read permission. */
    get: operations['GetAclUser'];
    put?: never;
    post?: never;
    /** @description Revokes the user through a users operation: it is removed from every node and its live sessions are closed. Not for the default user (409). Needs the users manage permission; audited. */
    delete: operations['DeleteAclUser'];
    options?: never;
    head?: never;
    /** @description Replaces the user's access (preset, keys or rules) through a users operation; sessions stay open and follow the new rules. Not for the default user (409). Needs the users manage permission; audited. */
    patch: operations['UpdateAclUser'];
    trace?: never;
  };
  '/instances/{instanceId}/users/{username}/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Gives the user a new generated password, shown in this answer once, beside the old one, through a users operation that sets both on every node (ACL SETUSER: no session is closed). The old password keeps working for graceSeconds; then the scheduled retirement removes it the same way. Needs the users manage permission; audited. */
    post: operations['RotateAclUserPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/users/{username}/rotation': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    get?: never;
    /** @description Sets or clears (everyDays null) the user's rotation schedule. Every minute the scheduler rotates the users whose nextAt has passed, as RotateAclUserPassword does, with the schedule's grace; the new password is read with GetAclUserConnection. Not for users whose passwords Vault sets (409). Needs the users manage permission; audited. */
    put: operations['SetAclUserRotation'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/users/{username}/connection': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    /** @description Host, port and this user's current password. Needs the credentials permission; every call is audited. */
    get: operations['GetAclUserConnection'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/vault': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description Whether the instance is registered with Vault's database secrets engine (dbaas.vault), the roles owners can get credentials for, and the leases issued through the product. 404 when Vault is not configured. Needs the users read permission. */
    get: operations['GetVaultStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/vault/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Dynamic credentials from Vault for one of the preset roles. Vault's plugin creates the user on one node; the product puts it on every data node and Sentinel and into their ACL files before answering. The password is in this answer only. 400 names an unknown role, 409 an instance Vault does not know yet, 503 a Vault that is down or sealed (with Vault's reason). Needs the credentials permission; audited and recorded as an event. */
    post: operations['IssueVaultCredentials'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/vault/static-roles': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Hands a user made through the Users API to a Vault static role (<instance>-<username>): Vault rotates its password at once and then every rotationPeriodSeconds, on every node; the passwords it had keep working for dbaas.vault.rotationGraceSeconds, and the product keeps none from then on. 400 names the field and the rule, 404 an unknown user, 409 the default user or one Vault manages already or an instance Vault does not know yet, 503 Vault down or sealed. Needs the users manage permission; audited and recorded as an event. */
    post: operations['CreateVaultStaticRole'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/vault/static-roles/{username}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** @description Ends the static role in Vault and deletes the user on every node, closing its sessions. Needs the users manage permission; audited. */
    delete: operations['DeleteVaultStaticRole'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/vault/static-roles/{username}/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    /** @description The static role's current password as Vault gives it, with the time to its next rotation. Needs the credentials permission; audited and recorded as an event. */
    get: operations['GetVaultStaticCredentials'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/vault/leases/{leaseId}/renew': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        /** @description Vault's lease id, URL-encoded (it holds slashes) */
        leaseId: components['parameters']['leaseId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Renews a lease issued through the product, up to the role's max TTL. Needs the credentials permission; audited. */
    post: operations['RenewVaultLease'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/vault/leases/{leaseId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        /** @description Vault's lease id, URL-encoded (it holds slashes) */
        leaseId: components['parameters']['leaseId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** @description Revokes a lease: Vault deletes its user, and the product deletes it on every other node, which closes its sessions. Needs the credentials permission; audited and recorded as an event. */
    delete: operations['RevokeVaultLease'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/replicas': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get?: never;
    /** @description Adds or removes replicas through a replicas operation, while the primary keeps serving. Going from 0 adds 3 Sentinels too; going to 0 removes them. Before a replica that is the primary is removed, the primary role moves to a node that stays, with writes held for a moment so that none is lost. 400 names a count outside 0 and the platform's maxReplicas; 409 when the instance already has that many or is not running. Needs the update permission. */
    put: operations['SetReplicas'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/tls': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The instance's TLS mode and, with TLS, its CA certificate (public: clients trust it) and when the node certificates expire and are renewed. Needs the read permission. */
    get: operations['GetInstanceTls'];
    /** @description Moves a running instance between TLS modes through a tls-mode operation, without a restart: disabled to preferred (each node opens a TLS port beside its plain one; the instance gets its CA if it has none), preferred to required (the plain ports close; connected clients stay connected, and the TLS port becomes the node's port), and preferred back to disabled. Going from disabled straight to required, or down from required, is refused (409), as is a replicated instance (it gets TLS at creation) or one that is not running. Needs the update permission. */
    put: operations['SetInstanceTlsMode'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/tls/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Issues new node certificates now through a certificates operation; every node loads its new certificate without a restart, so connected clients stay connected. The CA stays the same. 409 when the instance has no TLS or is not running. Needs the update permission. */
    post: operations['RotateInstanceCertificates'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/upgrade': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Moves the instance to another engine version through an upgrade operation: snapshot, switch, verification, and a rollback to the snapshot on any failure. A target that cannot load the data is refused (409) unless restoreSnapshot is set with confirm equal to the instance name. With dryRun, returns the steps and changes nothing. Needs the update permission. */
    post: operations['UpgradeInstance'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/upgrade-policy': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The instance's upgrade policy (manual when none was set), its windows with their normalized phrases, and the next three openings. */
    get: operations['GetUpgradePolicy'];
    /** @description Replaces the policy. Needs the update permission; audited. */
    put: operations['UpdateUpgradePolicy'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/upgrade-policy/snooze': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Skips the next opening (the one open now, if any; after a snooze, the one after it), or with cancel ends the snooze. Needs the update permission; audited. */
    post: operations['SnoozeUpgradePolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/upgrade-policy/apply-now': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Starts the pending patch upgrade now, whatever the windows say, as an upgrade operation. 409 when no patch is pending. Needs the update permission; audited. */
    post: operations['ApplyPendingPatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/upgrade-policy/decisions': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description What the maintenance job decided for the instance, newest first (the last 50). */
    get: operations['ListMaintenanceDecisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Releases of redis and valkey (date, end of support, RDB format, breaking changes) and the security advisories against them: the data shipped with the plugin merged with what the release watcher fetched, and how each upstream feed's last refresh went. */
    get: operations['GetVersionCatalog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/security': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every instance the caller may read that has open advisories, with them, worst severity first. */
    get: operations['ListInstanceSecurity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/advisories': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The advisories that affect the instance's exact version (builds included), most severe first. */
    get: operations['GetInstanceAdvisories'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/upgrade-plan': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description Candidate versions grouped patch, minor, major and downgrade, each with the advisories it fixes, breaking changes, release notes, whether the platform runs it, RDB compatibility, strategy and expected downtime. */
    get: operations['GetUpgradePlan'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/operations': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get: operations['ListOperations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description What happened to the instance, newest first, in the words of its history: requests, finished and failed changes, failovers, rotations, with who did them. Needs the read permission. */
    get: operations['ListInstanceEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/connection': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description Host, port and the credentials of the instance's default app user. Needs the separate credentials permission; every call is audited. */
    get: operations['GetConnection'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/key-scans': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Starts a scan of every key (SCAN with pipelined TYPE, MEMORY USAGE and element counts) as a cancellable operation with progress. Needs the update permission. 409 while another operation runs or the instance is not running. */
    post: operations['StartKeyScan'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/key-scans/latest': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The report of the newest finished key scan; 404 before the first. */
    get: operations['GetLatestKeyScan'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/backups': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The instance's backups, newest first, with size and age; also after the instance was deleted, while it has backups. Needs the read permission. */
    get: operations['ListBackups'];
    put?: never;
    /** @description Backs the instance up now, through a backup operation with progress: the RDB (saved on a replica when there is one), the ACL users (password hashes only), the configuration and a manifest, encrypted and checksummed. 409 while another operation runs or the instance is not running. Needs the backup permission. */
    post: operations['CreateBackup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/backups/{backupId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        backupId: components['parameters']['backupId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** @description Removes a finished backup from its store and the catalog, also one of a deleted instance. Needs the backup permission. */
    delete: operations['DeleteBackup'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/backups/{backupId}/analysis': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        backupId: components['parameters']['backupId'];
      };
      cookie?: never;
    };
    /** @description Memory analysis of a complete backup, read from its RDB off the instance: top keys by size and by element count per type, key pattern groups, per-type counts and totals, and an expiry histogram. The live server is asked MEMORY USAGE only for the few top candidates, never a command per key. Its report names keys, the instance's data, so it needs the read permission. */
    get: operations['AnalyseBackup'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/backups/{backupId}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        backupId: components['parameters']['backupId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Restores a backup into a new instance, through a restore operation that fails unless the new instance's key counts and digest equal the backup's manifest. Refused up front (400) when the target engine and version cannot read the backup's RDB format, or when the stored backup does not match its checksum; nothing is created then. The backed-up instance may have been deleted: the new one then takes the settings the backup recorded. Needs the restore permission on the backed-up instance and the create permission for the new one. */
    post: operations['RestoreBackup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/backups/{backupId}/restore-in-place': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        backupId: components['parameters']['backupId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Replaces the running instance's data with one of its backups, through a restore-in-place operation: a safety backup of the data as it is first, then the backup is loaded and verified against its manifest; on a failure after the data was replaced, the safety backup is put back. The body's confirm must be the instance's name (400 otherwise). Refused up front like a restore into a new instance (format, checksums); 409 unless the instance is running. Needs the restore and update permissions. */
    post: operations['RestoreBackupInPlace'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/instances/{instanceId}/backup-policy': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    /** @description The instance's backup policy (or the default), when it runs next and when it last backed up. Needs the read permission. */
    get: operations['GetBackupPolicy'];
    /** @description Sets when the instance is backed up (every N hours, or daily at a time in a zone) and how long backups are kept (by count and by age). Needs the backup permission. */
    put: operations['SetBackupPolicy'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/operations/{operationId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        operationId: components['parameters']['operationId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Asks to cancel a pending or running operation of a cancellable type (scan-keys); it ends as failed with "Cancelled by <user>". Needs the update permission on its instance. 409 for other types or finished operations. */
    post: operations['CancelOperation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/operations/{operationId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        operationId: components['parameters']['operationId'];
      };
      cookie?: never;
    };
    /** @description With waitMs, the request is held until the operation has finished or waitMs has passed, so clients need not poll. */
    get: operations['GetOperation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description A run of failed health checks, from the first to the first good one after it. */
    Incident: {
      id: string;
      instanceId: string;
      /** Format: date-time */
      startedAt: string;
      /**
       * Format: date-time
       * @description absent while open
       */
      endedAt?: string;
      durationSeconds: number;
      failedChecks: number;
      error?: string;
    };
    InstanceAvailability: {
      instanceId: string;
      /** @description absent before the first check */
      up?: boolean;
      /** Format: date-time */
      lastCheckedAt?: string;
      /** Format: date-time */
      since?: string;
      /** Format: date-time */
      trackedSince?: string;
      uptime24h?: number;
      uptime7d?: number;
      openIncident?: components['schemas']['Incident'];
      incidents: components['schemas']['Incident'][];
    };
    InstanceStatusSummary: {
      instanceId: string;
      name: string;
      owner: string;
      status: components['schemas']['InstanceStatus'];
      up?: boolean;
      /** Format: date-time */
      lastCheckedAt?: string;
      uptime24h?: number;
      uptime7d?: number;
      openIncident?: components['schemas']['Incident'];
      firingAlerts: number;
    };
    PercentRule: {
      enabled?: boolean;
      thresholdPercent?: number;
    };
    /** @description Changes to an instance's alert rules; whatever is left out follows the defaults. memory and cpu fire at or above thresholdPercent, evictions above thresholdPerSecond, down after consecutiveChecks failed checks. Unknown rules and settings are refused by name. */
    AlertRulesPatch: {
      memory?: components['schemas']['PercentRule'];
      cpu?: components['schemas']['PercentRule'];
      evictions?: {
        enabled?: boolean;
        thresholdPerSecond?: number;
      };
      down?: {
        enabled?: boolean;
        consecutiveChecks?: number;
      };
      replication?: {
        enabled?: boolean;
      };
    };
    /** @description Thresholds of one instance's alert rules. memory: used memory at or above this share of maxmemory. cpu: CPU use at or above this share of the instance's CPU (at most one core, as Redis runs commands on one thread). evictions: keys evicted per second above this rate. down: this many health checks in a row failed. replication: a replica's link to the primary is down (replicated instances only). */
    AlertRules: {
      memory: {
        enabled: boolean;
        thresholdPercent: number;
      };
      cpu: {
        enabled: boolean;
        thresholdPercent: number;
      };
      evictions: {
        enabled: boolean;
        thresholdPerSecond: number;
      };
      down: {
        enabled: boolean;
        consecutiveChecks: number;
      };
      replication: {
        enabled: boolean;
      };
    };
    AlertRuleSettings: {
      rules: components['schemas']['AlertRules'];
      defaults: components['schemas']['AlertRules'];
      overrides: components['schemas']['AlertRulesPatch'];
    };
    Alert: {
      id: string;
      instanceId: string;
      instanceName: string;
      owner: string;
      /** @enum {string} */
      rule: 'memory' | 'cpu' | 'evictions' | 'down' | 'replication';
      /** @enum {string} */
      state: 'firing' | 'resolved';
      message: string;
      value?: number;
      threshold?: number;
      /** Format: date-time */
      startedAt: string;
      /** Format: date-time */
      resolvedAt?: string;
      /** Format: date-time */
      notifiedAt?: string;
      /** Format: date-time */
      recoveryNotifiedAt?: string;
    };
    AlertList: {
      items: components['schemas']['Alert'][];
    };
    Error: {
      error: {
        name: string;
        message: string;
      } & {
        [key: string]: unknown;
      };
      request?: {
        [key: string]: unknown;
      };
      response?: {
        statusCode?: number;
      } & {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @enum {string} */
    Engine: 'redis' | 'valkey';
    /** @enum {string} */
    Persistence: 'none' | 'rdb' | 'aof';
    /** @enum {string} */
    MaxmemoryPolicy:
      | 'noeviction'
      | 'allkeys-lru'
      | 'allkeys-lfu'
      | 'allkeys-random'
      | 'volatile-lru'
      | 'volatile-lfu'
      | 'volatile-random'
      | 'volatile-ttl';
    /** @enum {string} */
    InstanceStatus:
      | 'provisioning'
      | 'running'
      | 'updating'
      | 'down'
      | 'deleting'
      | 'failed';
    InstanceResources: {
      /** @description maxmemory in MiB */
      memoryMb: number;
      cpu: number;
      diskGb: number;
    };
    ResourcesPatch: {
      memoryMb?: number;
      cpu?: number;
      diskGb?: number;
    };
    /** @description Tunable Redis settings; see TUNABLE_PARAMETERS in dbaas-common (config/configParameters.ts) for the allowed keys and their rules. */
    TunableConfig: {
      [key: string]: string;
    };
    InstanceEndpoint: {
      /** @enum {string} */
      role: 'primary' | 'replica' | 'sentinel';
      host: string;
      port: number;
      tls: boolean;
      /** @description With TLS preferred: the TLS port beside the plain port. */
      tlsPort?: number;
      /** @description The platform's id of the node serving at this endpoint. */
      nodeId?: string;
    };
    InstanceHealth: {
      up: boolean;
      /** Format: date-time */
      checkedAt: string;
      error?: string;
      /** @description used_memory from INFO at the last check */
      usedMemoryBytes?: number;
      /** @description uptime_in_seconds from INFO at the last check */
      uptimeSeconds?: number;
    };
    Instance: {
      id: string;
      name: string;
      owner: string;
      description: string;
      system?: string;
      engine: components['schemas']['Engine'];
      version: string;
      platform: string;
      region: string;
      resources: components['schemas']['InstanceResources'];
      persistence: components['schemas']['Persistence'];
      maxmemoryPolicy: components['schemas']['MaxmemoryPolicy'];
      config: components['schemas']['TunableConfig'];
      /** @description Replicas next to the primary; 0 is standalone. Replicated instances list sentinel endpoints too. */
      replicas: number;
      tls?: components['schemas']['TlsMode'];
      /** @description Absent for instances made before allow-lists: the platform binds as it did. */
      allowList?: components['schemas']['AllowList'];
      status: components['schemas']['InstanceStatus'];
      endpoints: components['schemas']['InstanceEndpoint'][];
      health?: components['schemas']['InstanceHealth'];
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    InstanceEvent: {
      /** @description e.g. create-requested, created, update-failed, failover */
      type: string;
      /** @description Entity ref of who caused it, or justmanage:<task> for scheduled work */
      actor: string;
      message: string;
      /** Format: date-time */
      createdAt: string;
    };
    /** @description Who may connect besides the control plane. Each platform enforces it its own way; GET /platforms says how (allowList). */
    AllowList: {
      /** @description Networks in CIDR notation, e.g. 10.0.0.0/8 or fd00::/8; no host bits set. */
      cidrs: string[];
      /** @description Kubernetes namespaces whose pods may connect (platforms with namespaces only). */
      namespaces?: string[];
    };
    /**
     * @description required: every node speaks TLS only, with a certificate of the instance's own CA (GET /instances/{id}/tls); clients connect with rediss:// and trust that CA. preferred: a running instance on its way to required: each node keeps its plain port and serves TLS on a second one (InstanceEndpoint.tlsPort), so clients can move one by one; PUT /instances/{id}/tls moves between the modes.
     * @default disabled
     * @enum {string}
     */
    TlsMode: 'disabled' | 'preferred' | 'required';
    SetTlsModeRequest: {
      mode: components['schemas']['TlsMode'];
    };
    InstanceTls: {
      mode: components['schemas']['TlsMode'];
      /** @description PEM of the CA that signs every node certificate of the instance; clients trust it. */
      caCertificate?: string;
      /** @description Counts certificate rotations; 1 for the certificates the instance was created with. */
      generation?: number;
      /**
       * Format: date-time
       * @description When the node certificates of the current generation expire.
       */
      certificatesExpireAt?: string;
      /**
       * Format: date-time
       * @description When the control plane rotates them by itself.
       */
      renewsAt?: string;
    };
    CreateInstanceRequest: {
      /** @description Unique; 1 to 40 characters: lower-case letters, digits and hyphens, starting with a letter and ending with a letter or a digit. */
      name: string;
      /** @description Catalog entity ref, e.g. group:default/team-a */
      owner: string;
      description?: string;
      system?: string;
      engine: components['schemas']['Engine'];
      version: string;
      platform: string;
      region: string;
      resources: components['schemas']['InstanceResources'];
      persistence?: components['schemas']['Persistence'];
      maxmemoryPolicy?: components['schemas']['MaxmemoryPolicy'];
      config?: components['schemas']['TunableConfig'];
      /**
       * @description Replicas next to the primary (0-5); with replicas the platform runs 3 Sentinels, and clients should connect through them.
       * @default 0
       */
      replicas?: number;
      upgradePolicy?: components['schemas']['UpgradePolicyRequest'];
      /**
       * @description required: every node speaks TLS only from the start. A running instance moves to TLS through preferred (PUT /instances/{id}/tls).
       * @default disabled
       * @enum {string}
       */
      tls?: 'disabled' | 'required';
      /** @description Absent: the default the platform team set (dbaas.allowList.default, else loopback only). */
      allowList?: components['schemas']['AllowList'];
    };
    UpdateInstanceRequest: {
      description?: string;
      resources?: components['schemas']['ResourcesPatch'];
      persistence?: components['schemas']['Persistence'];
      maxmemoryPolicy?: components['schemas']['MaxmemoryPolicy'];
      config?: components['schemas']['TunableConfig'];
      allowList?: components['schemas']['AllowList'];
    };
    /**
     * @description read-only: reads, no dangerous commands; read-write-safe: reads, writes, transactions and pub/sub without the dangerous commands; read-write: also scripts and the dangerous data commands; full: every command but administration; custom: the user's own rules. Every user also gets -@admin.
     * @enum {string}
     */
    AclPreset:
      | 'read-only'
      | 'read-write-safe'
      | 'read-write'
      | 'full'
      | 'custom';
    AclUserPassword: {
      createdAt: string;
      /** @description When a rotation removes this password; absent for the current one. */
      retiresAt?: string;
    };
    VaultLease: {
      leaseId: string;
      username: string;
      role: string;
      issuedBy: string;
      /** Format: date-time */
      issuedAt: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: date-time */
      revokedAt?: string;
    };
    CreateVaultStaticRoleRequest: {
      username: string;
      rotationPeriodSeconds: number;
    };
    VaultStaticRole: {
      username: string;
      rotationPeriodSeconds: number;
    };
    VaultStaticCredentials: {
      username: string;
      password: string;
      /** @description Seconds until Vault rotates the password next */
      ttlSeconds: number;
      rotationPeriodSeconds: number;
    };
    VaultStatus: {
      /** @enum {string} */
      status: 'pending' | 'registered' | 'removing' | 'unregistered';
      message?: string;
      roles: string[];
      staticRoles: string[];
      leases: components['schemas']['VaultLease'][];
    };
    IssueVaultCredentialsRequest: {
      /** @description A preset (read-only, read-write-safe, read-write, full) */
      role: string;
    };
    VaultCredentials: {
      username: string;
      password: string;
      lease: components['schemas']['IssuedVaultLease'];
    };
    IssuedVaultLease: {
      leaseId: string;
      username: string;
      role: string;
      issuedBy: string;
      /** Format: date-time */
      issuedAt: string;
      /** Format: date-time */
      expiresAt: string;
      leaseDurationSeconds: number;
    };
    AclUser: {
      username: string;
      preset: components['schemas']['AclPreset'];
      /** @description Key patterns of a preset user; every key when empty. */
      keys: string[];
      /** @description The ACL rules after the passwords, as every node has them. */
      rules: string;
      /**
       * @description Who sets its passwords: the product, or Vault's database secrets engine.
       * @enum {string}
       */
      managedBy: 'product' | 'vault';
      /** @description The instance's default application user (app), made with it. It cannot be deleted or changed, only rotated. */
      default: boolean;
      passwords: components['schemas']['AclUserPassword'][];
      rotation: components['schemas']['AclUserRotation'];
      createdBy: string;
      createdAt: string;
      updatedAt: string;
    };
    /** @description The user's rotation schedule; null when its password is rotated on demand only. */
    AclUserRotation: {
      everyDays: number;
      /** @description How long the old password keeps working after each scheduled rotation. */
      graceSeconds: number;
      /**
       * Format: date-time
       * @description The last rotation (or the creation) plus everyDays; when already past, the next round of the scheduler rotates.
       */
      nextAt: string;
    } | null;
    AclUserList: {
      items: components['schemas']['AclUser'][];
    };
    /** @description See createAclUserRequestSchema in dbaas-common for the rules in words. */
    CreateAclUserRequest: {
      username: string;
      preset: components['schemas']['AclPreset'];
      keys?: string[];
      rules?: string;
    };
    /** @description The user's whole access; what is not given is not kept. */
    UpdateAclUserRequest: {
      preset: components['schemas']['AclPreset'];
      keys?: string[];
      rules?: string;
    };
    AclUserCreated: {
      user: components['schemas']['AclUser'];
      /** @description Shown this once; later through GetAclUserConnection, which is audited. */
      password: string;
      instance: components['schemas']['Instance'];
      operation: components['schemas']['Operation'];
    };
    RotateAclUserRequest: {
      /** @description How long the old password keeps working beside the new one (default 3600; at most 7 days). */
      graceSeconds?: number;
    };
    /** @description See setAclUserRotationRequestSchema in dbaas-common for the rules in words. */
    SetAclUserRotationRequest: {
      /** @description Rotate every this many days; null turns the schedule off. */
      everyDays: number | null;
      /** @description How long the old password keeps working beside the new one (default 3600; at most 7 days, and less than everyDays). */
      graceSeconds?: number;
    };
    AclUserAccepted: {
      user: components['schemas']['AclUser'];
      instance: components['schemas']['Instance'];
      operation: components['schemas']['Operation'];
    };
    SetReplicasRequest: {
      /** @description How many replicas to run next to the primary from now on (0 is standalone; at most the platform's maxReplicas). */
      replicas: number;
    };
    OperationStep: {
      name: string;
      /** @enum {string} */
      status: 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';
      attempts: number;
      startedAt?: string;
      finishedAt?: string;
      error?: string;
    };
    OperationLogEntry: {
      at: string;
      /** @enum {string} */
      level: 'info' | 'warn' | 'error';
      message: string;
    };
    Operation: {
      id: string;
      instanceId: string;
      instanceName?: string;
      owner?: string;
      /** @enum {string} */
      type:
        | 'create'
        | 'update'
        | 'delete'
        | 'upgrade'
        | 'scan-keys'
        | 'replicas'
        | 'users'
        | 'certificates'
        | 'tls-mode'
        | 'backup'
        | 'restore'
        | 'restore-in-place';
      /** @enum {string} */
      status: 'pending' | 'running' | 'succeeded' | 'failed';
      params: {
        [key: string]: unknown;
      };
      steps: components['schemas']['OperationStep'][];
      log: components['schemas']['OperationLogEntry'][];
      error?: string;
      createdBy: string;
      createdAt: string;
      startedAt?: string;
      finishedAt?: string;
      progress?: components['schemas']['OperationProgress'];
      /** @description Who asked to cancel; it ends as failed. */
      cancelRequestedBy?: string;
    };
    /** @description How far a long step has got, saved as it runs. */
    OperationProgress: {
      done: number;
      total?: number;
      unit: string;
      updatedAt: string;
    };
    KeyScanRequest: {
      /** @description Keys per table of the report. Default 10. */
      topN?: number;
      /** @description Key patterns are the names up to the first separator. Default ':'. */
      separator?: string;
    };
    /** @description A key as the scan saw it; the name is the instance's data. */
    ScannedKey: {
      db: number;
      key: string;
      type: string;
      /** @description MEMORY USAGE with default sampling */
      memoryBytes: number;
      /** @description STRLEN, LLEN, SCARD, ZCARD, HLEN or XLEN */
      elements?: number;
    };
    /** @description A key as a backup holds it; the name is the instance's data. */
    AnalysedKey: {
      db: number;
      key: string;
      type: string;
      /** @description Bytes of a string; elements of a list, set, zset or hash; entries of a stream. */
      elements: number;
      /** @description Its type, name and value in the RDB. */
      serializedBytes: number;
      /** @description MEMORY USAGE on the live server when analysed; absent when the key is gone since the backup. */
      memoryBytes?: number;
      /** Format: date-time */
      expiresAt?: string;
    };
    /** @description What a backup's RDB holds, read off the instance. Counts, totals, patterns and expiry come from the file (sizes as serialized); the top lists were ranked by MEMORY USAGE asked of the live server for the few biggest candidates of each type only. */
    BackupAnalysis: {
      backupId: string;
      instanceId: string;
      rdbVersion: number;
      engineVersion?: string;
      /** Format: date-time */
      takenAt: string;
      durationMs: number;
      topN: number;
      separator: string;
      keys: number;
      serializedBytes: number;
      /** @description MEMORY USAGE commands sent to the live server. */
      memoryUsageAsked: number;
      databases: {
        db: number;
        keys: number;
      }[];
      topByMemory: components['schemas']['AnalysedKey'][];
      topByElements: {
        type: string;
        keys: components['schemas']['AnalysedKey'][];
      }[];
      types: {
        type: string;
        keys: number;
        elements: number;
        serializedBytes: number;
        biggest: components['schemas']['AnalysedKey'];
      }[];
      patterns: {
        pattern: string;
        keys: number;
        serializedBytes: number;
      }[];
      otherPatterns: {
        groups: number;
        keys: number;
        serializedBytes: number;
      };
      /** @description Keys by time left to live when the backup was taken. */
      expiry: {
        label: string;
        keys: number;
        serializedBytes: number;
      }[];
    };
    KeyScanReport: {
      instanceId: string;
      operationId: string;
      startedAt: string;
      finishedAt: string;
      durationMs: number;
      topN: number;
      separator: string;
      keysScanned: number;
      memoryBytes: number;
      databases: {
        db: number;
        keys: number;
      }[];
      topByMemory: components['schemas']['ScannedKey'][];
      topByElements: {
        type: string;
        keys: components['schemas']['ScannedKey'][];
      }[];
      types: {
        type: string;
        keys: number;
        memoryBytes: number;
        biggest: components['schemas']['ScannedKey'];
      }[];
      patterns: {
        pattern: string;
        keys: number;
        memoryBytes: number;
      }[];
      otherPatterns: {
        groups: number;
        keys: number;
        memoryBytes: number;
      };
      latency: {
        baselineMs: number;
        limitMs: number;
        p99Ms: number;
        maxMs: number;
        backoffs: number;
      };
    };
    /** @description Keys and keys with a TTL of each database that holds any, by database number. */
    BackupKeyspace: {
      [key: string]: {
        keys: number;
        expires: number;
      };
    };
    /** @description What a backup holds, as recorded when it was taken. */
    BackupManifest: {
      engine: components['schemas']['Engine'];
      version: string;
      /** @description The RDB format version of its data file (10 for redis 7.0, 11 for 7.2 and valkey 8). */
      rdbVersion: number;
      keyspace: components['schemas']['BackupKeyspace'];
      /** @description SHA-256 over the key counts and the digests of up to 200 sampled values; a restore must read the same. */
      digest: string;
      nodeId: string;
      /** @enum {string} */
      nodeRole: 'primary' | 'replica';
      /** @description The ACL users the backup holds (their rules and password hashes are inside, encrypted). */
      users: string[];
    };
    Backup: {
      id: string;
      instanceId: string;
      instanceName: string;
      operationId: string;
      /** @enum {string} */
      status: 'running' | 'complete' | 'failed';
      /**
       * @description safety: taken by a restore in place before it replaced the data.
       * @enum {string}
       */
      trigger: 'manual' | 'policy' | 'safety';
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      finishedAt?: string;
      ageSeconds: number;
      /** @description The RDB, before encryption. */
      sizeBytes?: number;
      /** @description Everything the store keeps for it, encrypted. */
      storedBytes?: number;
      manifest?: components['schemas']['BackupManifest'];
      error?: string;
    };
    BackupAccepted: {
      backup: components['schemas']['Backup'];
      operation: components['schemas']['Operation'];
    };
    /** @description Either every N hours, or daily at a time in a zone. */
    BackupSchedule: {
      everyHours?: number;
      /** @description HH:MM, 24-hour clock */
      dailyAt?: string;
      /** @description IANA zone of dailyAt; default UTC */
      timeZone?: string;
    };
    BackupRetention: {
      /** @description Keep at most this many complete backups. */
      count: number;
      /** @description Remove complete backups older than this; the newest is always kept. */
      maxAgeDays: number;
    };
    BackupPolicy: {
      enabled: boolean;
      schedule: components['schemas']['BackupSchedule'];
      retention: components['schemas']['BackupRetention'];
    };
    BackupPolicyView: {
      policy: components['schemas']['BackupPolicy'];
      /** @description No policy was set: on for instances with persistence, off without. */
      isDefault: boolean;
      /** Format: date-time */
      nextBackupAt?: string;
      /** Format: date-time */
      lastBackupAt?: string;
    };
    RestoreInPlaceRequest: {
      /** @description The instance's name, typed: writes made since the backup are lost. */
      confirm: string;
    };
    /** @description The new instance; what is left out is as the backed-up instance had it. */
    RestoreBackupRequest: {
      /** @description The new instance's name (the rule of instance names). */
      name: string;
      owner?: string;
      description?: string;
      engine?: components['schemas']['Engine'];
      version?: string;
      platform?: string;
      region?: string;
      resources?: components['schemas']['InstanceResources'];
      persistence?: components['schemas']['Persistence'];
    };
    Accepted: {
      instance: components['schemas']['Instance'];
      operation: components['schemas']['Operation'];
    };
    /** @description An upgrade or downgrade of the engine; see UpgradeRequest in dbaas-common. */
    UpgradeRequest: {
      engine: components['schemas']['Engine'];
      version: string;
      /** @description Return the steps that would run; change nothing. */
      dryRun?: boolean;
      /** @description For a target that cannot load the data, restore the newest snapshot it can load; later writes are lost. */
      restoreSnapshot?: boolean;
      /** @description The instance name, required with restoreSnapshot. */
      confirm?: string;
    };
    UpgradeCandidate: {
      engine: components['schemas']['Engine'];
      version: string;
      /** @enum {string} */
      kind: 'patch' | 'minor' | 'major' | 'downgrade';
      fixes: string[];
      openAdvisories: string[];
      breakingChanges: string[];
      releaseNotesUrl?: string;
      available: boolean;
      rdbCompatible: boolean;
      /** @enum {string} */
      strategy: 'restart' | 'rolling' | 'snapshot-restore';
      expectedDowntimeSeconds: number;
      blockedReason?: string;
    };
    UpgradePreview: {
      candidate: components['schemas']['UpgradeCandidate'];
      steps: {
        name: string;
        description: string;
      }[];
      dataLossWarning?: string;
    };
    /** @description Days (ISO, 1 = Monday), start and end wall-clock times in an IANA zone; an end at or before the start is on the next day. */
    MaintenanceWindow: {
      days: (1 | 2 | 3 | 4 | 5 | 6 | 7)[];
      start: string;
      end: string;
      timeZone: string;
      zoneAbbreviation?: string;
    };
    PolicyWindow: {
      /** @description The normalized phrase, e.g. "Sun 02:00-03:00 Asia/Kolkata (IST)" */
      phrase: string;
      window: components['schemas']['MaintenanceWindow'];
      notes: string[];
    };
    PlannedOpening: {
      windowIndex: number;
      phrase: string;
      /** Format: date-time */
      start: string;
      /** Format: date-time */
      end: string;
      /** @enum {string} */
      skipped?: 'snoozed' | 'blackout';
    };
    UpgradePolicy: {
      instanceId: string;
      /** @enum {string} */
      mode: 'manual' | 'auto-patch';
      securityOnly: boolean;
      windows: components['schemas']['PolicyWindow'][];
      blackoutDates: string[];
      /** Format: date-time */
      snoozedUntil?: string;
      nextOpenings: components['schemas']['PlannedOpening'][];
      updatedAt?: string;
      updatedBy?: string;
    };
    /** @description manual, or auto-patch inside the windows, given as phrases such as "Sundays 02:00-03:00 IST" (docs/maintenance-windows.md). A phrase that cannot be read is a 400 naming it, e.g. "windows.1: Unknown day ...". */
    UpgradePolicyRequest: {
      mode: string;
      securityOnly?: boolean;
      windows?: string[];
      blackoutDates?: string[];
    };
    SnoozeRequest: {
      /** @description End the snooze instead. */
      cancel?: boolean;
    };
    MaintenanceDecision: {
      id: number;
      instanceId: string;
      /** Format: date-time */
      at: string;
      /** @enum {string} */
      outcome: 'started' | 'skipped' | 'notified' | 'succeeded' | 'failed';
      reason: string;
      message: string;
      target?: string;
      operationId?: string;
    };
    MaintenanceDecisionList: {
      items: components['schemas']['MaintenanceDecision'][];
    };
    Platform: {
      id: string;
      title: string;
      regions: string[];
      engines: {
        engine: components['schemas']['Engine'];
        versions: string[];
      }[];
      ha: {
        replicas: boolean;
        maxReplicas: number;
      };
      /** @description How the platform enforces an instance's allow-list. */
      allowList?: {
        /** @description The networks clients can reach the platform from at all; an allow-list must lie inside them. */
        reachable: string[];
        /** @description Whether connections from outside the allow-list are refused by source address. */
        sourceFiltering: boolean;
        namespaces: boolean;
        /** @description What it cannot enforce, in words. */
        note: string;
      };
      limits: {
        memoryMb: components['schemas']['Range'];
        cpu: components['schemas']['Range'];
        diskGb: components['schemas']['Range'];
      };
    };
    /** @enum {string} */
    Severity: 'low' | 'medium' | 'high' | 'critical';
    /** @description Where one branch (major.minor) is affected by an advisory. */
    AffectedRange: {
      branch: string;
      introduced?: string;
      /** @description First release on the branch with the fix; absent: not fixed on the branch. */
      fixed?: string;
      /** @description Distribution builds (e.g. 7.0.15+deb12u10) of otherwise affected versions that carry the fix; later builds of the same series carry it too. */
      fixedBuilds?: string[];
    };
    Advisory: {
      id: string;
      aliases?: string[];
      engine: components['schemas']['Engine'];
      severity: components['schemas']['Severity'];
      cvss?: number;
      cvssVector?: string;
      summary: string;
      published: string;
      affected: components['schemas']['AffectedRange'][];
      links: string[];
      source?: string;
      /** @description Features the flaw is reached through; an instance that does not use them (no TLS endpoint) is not exposed to it. */
      requires?: 'tls'[];
    };
    VersionRelease: {
      engine: components['schemas']['Engine'];
      version: string;
      releaseDate: string;
      endOfSupport?: string;
      rdbVersion: number;
      rdbVersionAssumed?: boolean;
      releaseNotesUrl?: string;
      breakingChanges?: string[];
      source?: string;
    };
    AdvisoryFeedStatus: {
      id: string;
      url: string;
      ok: boolean;
      checkedAt?: string;
      lastSuccessAt?: string;
      /** @description Why the last refresh failed; the last good data stays in place. */
      error?: string;
    };
    VersionCatalogSnapshot: {
      releases: components['schemas']['VersionRelease'][];
      advisories: components['schemas']['Advisory'][];
      feeds: components['schemas']['AdvisoryFeedStatus'][];
      updatedAt: string;
    };
    InstanceAdvisories: {
      instanceId: string;
      engine: components['schemas']['Engine'];
      version: string;
      advisories: components['schemas']['Advisory'][];
      worstSeverity?: components['schemas']['Severity'];
    };
    InstanceSecurity: {
      instanceId: string;
      name: string;
      owner: string;
      engine: components['schemas']['Engine'];
      version: string;
      advisories: components['schemas']['Advisory'][];
      worstSeverity?: components['schemas']['Severity'];
    };
    UpgradePlan: {
      instanceId: string;
      current: {
        engine: components['schemas']['Engine'];
        version: string;
        rdbVersion?: number;
      };
      candidates: components['schemas']['UpgradeCandidate'][];
    };
    Range: {
      min: number;
      max: number;
    };
    ConnectionDetails: {
      host: string;
      port: number;
      tls: boolean;
      username: string;
      password: string;
      /** @description redis:// or rediss:// URL without the password */
      url: string;
      /** @description With TLS: PEM of the CA the client must trust. */
      caCertificate?: string;
      /** @description With TLS preferred: the rediss:// URL of the TLS port, without the password; url is still the plain one. */
      tlsUrl?: string;
      /** @description Replicated instances only. Clients that find the primary through these Sentinels follow failovers; the same username and password log in to them. */
      sentinel?: {
        masterName: string;
        endpoints: {
          host: string;
          port: number;
        }[];
      };
    };
    /** @enum {string} */
    MetricName:
      | 'cpu_percent'
      | 'memory_used_bytes'
      | 'memory_max_bytes'
      | 'memory_rss_bytes'
      | 'disk_used_bytes'
      | 'connected_clients'
      | 'ops_per_sec'
      | 'keys'
      | 'expiring_keys'
      | 'hit_ratio'
      | 'hits_per_sec'
      | 'misses_per_sec'
      | 'evictions_per_sec'
      | 'expired_per_sec'
      | 'net_in_bytes_per_sec'
      | 'net_out_bytes_per_sec';
    /** @description Minimum, average and maximum of the samples in the step starting at time. */
    MetricPoint: {
      /** Format: date-time */
      time: string;
      min: number;
      avg: number;
      max: number;
    };
    MetricSeriesResponse: {
      instanceId: string;
      /** Format: date-time */
      from: string;
      /** Format: date-time */
      to: string;
      stepSeconds: number;
      /**
       * @description raw samples, or 5-minute rollups for ranges older than the raw retention
       * @enum {string}
       */
      resolution: 'raw' | 'rollup';
      series: {
        metric: components['schemas']['MetricName'];
        points: components['schemas']['MetricPoint'][];
      }[];
    };
    MetricSnapshot: {
      instanceId: string;
      /** Format: date-time */
      collectedAt: string;
      /** @description The newest value of each metric; rates are absent right after a restart, hit_ratio while nothing was looked up. */
      values: {
        [key: string]: number;
      };
    };
    KeyspaceReport: {
      instanceId: string;
      /** Format: date-time */
      readAt: string;
      databases: {
        db: number;
        keys: number;
        expiringKeys: number;
        averageTtlSeconds?: number;
      }[];
    };
    /** @description A command that ran longer than slowlog-log-slower-than. Only its name, its first key and how many further arguments it had are given: values, passwords and every other argument stay on the instance. */
    SlowLogEntry: {
      /** @description The slow log's own id of the entry */
      id: number;
      /** Format: date-time */
      startedAt: string;
      durationMicros: number;
      /** @description The command, with the subcommand of container commands (CONFIG SET) */
      command: string;
      /** @description The first key the command names (as the slow log kept it, longer keys cut at 128 bytes); absent for commands without keys */
      key?: string;
      /** @description Arguments after the command and the key, not shown */
      redactedArguments: number;
      /** @description The client's address */
      client?: string;
      clientName?: string;
    };
    /** @description The newest slow commands of the primary, newest first; the control plane's own commands left out. */
    SlowLog: {
      instanceId: string;
      /** Format: date-time */
      readAt: string;
      /** @description slowlog-log-slower-than: commands slower than this are logged; 0 every command, negative none */
      slowerThanMicros: number;
      /** @description slowlog-max-len: how many entries the instance keeps */
      maxLength: number;
      entries: components['schemas']['SlowLogEntry'][];
    };
    /** @description One kind of event the latency monitor recorded (LATENCY LATEST). */
    LatencyEvent: {
      /** @description e.g. command, fast-command, fork, expire-cycle, aof-fsync-always */
      event: string;
      /** Format: date-time */
      latestAt: string;
      latestMs: number;
      maxMs: number;
    };
    LatencyReport: {
      instanceId: string;
      /** Format: date-time */
      readAt: string;
      /** @description latency-monitor-threshold: events slower than this are recorded; 0 the monitor is off */
      thresholdMs: number;
      events: components['schemas']['LatencyEvent'][];
    };
    /** @description The configuration part of UpdateInstanceRequest; config replaces the whole map, as it does there. */
    ConfigChangeRequest: {
      maxmemoryPolicy?: components['schemas']['MaxmemoryPolicy'];
      config?: components['schemas']['TunableConfig'];
    };
    ConfigChange: {
      /** @description The name in redis.conf */
      parameter: string;
      /** @description The value now; the engine's default when the instance does not set it */
      from: string;
      to: string;
      /**
       * @description live: CONFIG SET on the running server; restart: at its next start
       * @enum {string}
       */
      applies: 'live' | 'restart';
      note: string;
    };
    ConfigChangePreview: {
      changes: components['schemas']['ConfigChange'][];
      /** @description Some change takes effect only when the server restarts */
      restartNeeded: boolean;
    };
    ReplicaLink: {
      host: string;
      port: number;
      state: string;
      offset: number;
      lagBytes: number;
      lagSeconds?: number;
    };
    ReplicationNode: {
      host: string;
      port: number;
      /** @enum {string} */
      role: 'primary' | 'replica';
      offset: number;
      primaryLink?: {
        host: string;
        port: number;
        /** @enum {string} */
        status: 'up' | 'down';
        lastIoSecondsAgo?: number;
        syncInProgress: boolean;
      };
      error?: string;
    };
    ReplicationReport: {
      instanceId: string;
      /** Format: date-time */
      readAt: string;
      /** @enum {string} */
      role: 'primary' | 'replica';
      connectedReplicas: number;
      replicas: components['schemas']['ReplicaLink'][];
      nodes: components['schemas']['ReplicationNode'][];
    };
  };
  responses: {
    /** @description An error, in Backstage's error format. */
    Error: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    instanceId: string;
    operationId: string;
    /** @description Vault's lease id, URL-encoded (it holds slashes) */
    leaseId: string;
    username: string;
    backupId: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  GetPrometheusMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The exposition */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetMetricSeries: {
    parameters: {
      query?: {
        /** @description Comma-separated metric names; all when absent. */
        metric?: string;
        /** @description ISO 8601 date-time; default one hour before to. */
        from?: string;
        /** @description ISO 8601 date-time; default now. */
        to?: string;
        /** @description Seconds per point; by default about 300 points over the range. Rounded up to whole 5 minutes when rollups answer. */
        step?: string;
      };
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One series per metric */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricSeriesResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetLatestMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The latest snapshot */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricSnapshot'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetKeyspace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The keyspace */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KeyspaceReport'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetReplication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The replication state */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReplicationReport'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetSlowLog: {
    parameters: {
      query?: {
        /** @description How many entries, newest first (1-128, default 50). */
        count?: number;
      };
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The slow log */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SlowLog'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetLatency: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The latency events */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LatencyReport'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  PreviewConfigChange: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfigChangeRequest'];
      };
    };
    responses: {
      /** @description The changes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConfigChangePreview'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetFleetStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One line per instance */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['InstanceStatusSummary'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  ListAlerts: {
    parameters: {
      query?: {
        state?: 'firing' | 'resolved';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alerts, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlertList'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetAvailability: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Availability */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceAvailability'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetAlertRules: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alert rules */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlertRuleSettings'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  UpdateAlertRules: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AlertRulesPatch'];
      };
    };
    responses: {
      /** @description The rules now in force */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlertRuleSettings'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  ListInstanceAlerts: {
    parameters: {
      query?: {
        state?: 'firing' | 'resolved';
      };
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alerts, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlertList'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Healthy */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
          };
        };
      };
    };
  };
  ListPlatforms: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Platforms */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Platform'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  ListInstances: {
    parameters: {
      query?: {
        owner?: string;
        status?: components['schemas']['InstanceStatus'];
        platform?: string;
        name?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Instances */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Instance'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  CreateInstance: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInstanceRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetInstance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The instance */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Instance'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  DeleteInstance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  UpdateInstance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateInstanceRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  ListAclUsers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The users */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AclUserList'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  CreateAclUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAclUserRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AclUserCreated'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetAclUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AclUser'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  DeleteAclUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  UpdateAclUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAclUserRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AclUserAccepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  RotateAclUserPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RotateAclUserRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AclUserCreated'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  SetAclUserRotation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetAclUserRotationRequest'];
      };
    };
    responses: {
      /** @description The user with its schedule */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AclUser'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetAclUserConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Connection details */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionDetails'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetVaultStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The instance in Vault */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VaultStatus'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  IssueVaultCredentials: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IssueVaultCredentialsRequest'];
      };
    };
    responses: {
      /** @description The credentials and their lease */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VaultCredentials'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  CreateVaultStaticRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateVaultStaticRoleRequest'];
      };
    };
    responses: {
      /** @description The static role */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VaultStaticRole'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  DeleteVaultStaticRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['Error'];
    };
  };
  GetVaultStaticCredentials: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        username: components['parameters']['username'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The credentials */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VaultStaticCredentials'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  RenewVaultLease: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        /** @description Vault's lease id, URL-encoded (it holds slashes) */
        leaseId: components['parameters']['leaseId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lease with its new expiry */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VaultLease'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  RevokeVaultLease: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        /** @description Vault's lease id, URL-encoded (it holds slashes) */
        leaseId: components['parameters']['leaseId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The revoked lease */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VaultLease'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  SetReplicas: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetReplicasRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetInstanceTls: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceTls'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  SetInstanceTlsMode: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetTlsModeRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  RotateInstanceCertificates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  UpgradeInstance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpgradeRequest'];
      };
    };
    responses: {
      /** @description The preview of a dry run */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpgradePreview'];
        };
      };
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetUpgradePolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The policy */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpgradePolicy'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  UpdateUpgradePolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpgradePolicyRequest'];
      };
    };
    responses: {
      /** @description The policy now in force */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpgradePolicy'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  SnoozeUpgradePolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SnoozeRequest'];
      };
    };
    responses: {
      /** @description The policy with its snooze */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpgradePolicy'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  ApplyPendingPatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  ListMaintenanceDecisions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Decisions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MaintenanceDecisionList'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetVersionCatalog: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version catalog */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VersionCatalogSnapshot'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  ListInstanceSecurity: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Instances with open advisories */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['InstanceSecurity'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetInstanceAdvisories: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Advisories */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceAdvisories'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetUpgradePlan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The upgrade plan */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpgradePlan'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  ListOperations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Operations, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Operation'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  ListInstanceEvents: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Events, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['InstanceEvent'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Connection details */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionDetails'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  StartKeyScan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['KeyScanRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            operation: components['schemas']['Operation'];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetLatestKeyScan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The report */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KeyScanReport'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  ListBackups: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Backup'][];
          };
        };
      };
      default: components['responses']['Error'];
    };
  };
  CreateBackup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupAccepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  DeleteBackup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        backupId: components['parameters']['backupId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['Error'];
    };
  };
  AnalyseBackup: {
    parameters: {
      query?: {
        topN?: number;
        separator?: string;
      };
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        backupId: components['parameters']['backupId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupAnalysis'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  RestoreBackup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        backupId: components['parameters']['backupId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RestoreBackupRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  RestoreBackupInPlace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
        backupId: components['parameters']['backupId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RestoreInPlaceRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetBackupPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupPolicyView'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  SetBackupPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        instanceId: components['parameters']['instanceId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BackupPolicy'];
      };
    };
    responses: {
      /** @description Ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupPolicyView'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  CancelOperation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        operationId: components['parameters']['operationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The operation as it is now */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Operation'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  GetOperation: {
    parameters: {
      query?: {
        waitMs?: number;
      };
      header?: never;
      path: {
        operationId: components['parameters']['operationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The operation with its steps and log */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Operation'];
        };
      };
      default: components['responses']['Error'];
    };
  };
}

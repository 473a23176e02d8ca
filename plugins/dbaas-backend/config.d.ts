export interface Config {
  /** Configuration of the JustManage dbaas backend plugin. */
  dbaas?: {
    /**
     * Key for AES-256-GCM encryption of instance passwords in the database.
     * Any string of at least 32 characters; it is stretched with SHA-256.
     * Changing it makes stored passwords unreadable.
     * @visibility secret
     */
    encryptionKey: string;

    /** The driver used when a create request names no platform. Default `local`. */
    defaultPlatform?: string;

    /** Operation worker tuning. */
    operations?: {
      /** How long a worker owns an operation without renewing its lease. Default 10000 ms. */
      leaseMs?: number;
      /** How often an idle worker looks for work left by other replicas. Default 500 ms. */
      pollIntervalMs?: number;
      /** Attempts of one step before the operation fails. Default 3. */
      maxStepAttempts?: number;
      /** How long an instance may take to become ready. Default 120000 ms. */
      readyTimeoutMs?: number;
      /** Operations one backend runs at the same time. Default 16. */
      concurrency?: number;
    };

    /**
     * Backups and restores (docs/backups.md); off unless set.
     */
    backups?: {
      /** Where the folder store keeps backups. Default var/dbaas/backups under the backend's working directory. */
      folder?: string;
      /**
       * Encrypts every backup (AES-256-GCM); at least 32 characters. Backups
       * taken with one key cannot be restored without it.
       * @visibility secret
       */
      encryptionKey: string;
      /**
       * Keep backups in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2)
       * instead of the folder; see docs/backups.md for the IAM policy.
       */
      s3?: {
        bucket: string;
        /** Put before every object name, e.g. `justmanage/prod/`. Default none. */
        prefix?: string;
        /** Default us-east-1 (R2: auto). */
        region?: string;
        /** An S3-compatible service's URL, e.g. https://minio.example.com:9000. Default AWS. */
        endpoint?: string;
        /** Bucket in the path rather than the host name (MinIO, Ceph). Default false. */
        forcePathStyle?: boolean;
        /** Without them the AWS default chain is used (environment, profile, IAM role). */
        credentials?: {
          accessKeyId: string;
          /** @visibility secret */
          secretAccessKey: string;
        };
        /** Size of each multipart upload part, and of the one buffer held, in MiB (5-5120). Default 8. */
        partSizeMiB?: number;
      };
    };

    /** Check every API response against the OpenAPI contract (tests). Default false. */
    validateResponses?: boolean;

    /**
     * HashiCorp Vault's database secrets engine (docs/vault.md). Set exactly
     * one of token and appRole.
     */
    vault?: {
      /** e.g. https://vault.example.com:8200 */
      address: string;
      /** @visibility secret */
      token?: string;
      appRole?: {
        roleId: string;
        /** @visibility secret */
        secretId: string;
        /** Where the AppRole auth method is mounted. Default approle. */
        mount?: string;
      };
      /** Vault Enterprise namespace. */
      namespace?: string;
      /** Where the database secrets engine is mounted. Default database. */
      mount?: string;
      /** Lease of dynamic credentials. Default 3600. */
      defaultTtlSeconds?: number;
      /** Longest a lease can be renewed to. Default 86400. */
      maxTtlSeconds?: number;
      /**
       * How long a password Vault replaced (a static role's rotation) keeps
       * working on every node. Default 60.
       */
      rotationGraceSeconds?: number;
      /** How often Vault's node is read for new, changed and revoked users. Default 5. */
      followIntervalSeconds?: number;
      /**
       * Vault's plugin connects to a gateway in the backend instead of a
       * node: users Vault creates are on every node before Vault answers,
       * and its rotations add the new password beside the old (docs/vault.md).
       */
      gateway?: {
        /** Where gateways listen. Default 127.0.0.1. */
        host?: string;
        /** The address Vault is given. Default host. */
        advertiseHost?: string;
        /** One port per instance from this range. */
        ports: { start: number; end: number };
      };
    };

    /** Who may connect to instances (docs/allow-lists.md). */
    allowList?: {
      /**
       * The allow-list of an instance created without one: networks in
       * CIDR notation, and on Kubernetes namespaces. Default: loopback only,
       * `{ cidrs: ['127.0.0.0/8'] }`.
       */
      default?: { cidrs: string[]; namespaces?: string[] };
    };

    /** Node certificates of instances created with `tls: required` (docs/tls.md). */
    tls?: {
      /** How long a node certificate is valid. Default 90 days. */
      certificateValidityDays?: number;
      /** The renewal task rotates certificates this long before they expire. Default 30 days. */
      renewBeforeDays?: number;
    };

    /**
     * How hard a big-key scan may press on an instance (docs/big-keys.md).
     * The defaults keep another client's p99 near a millisecond.
     */
    keyScan?: {
      /** COUNT of each SCAN, and keys per pipeline. Default 1000. */
      batchSize?: number;
      /** Pipelines written before the oldest is answered. Default 2. */
      maxInFlight?: number;
      /** Pause after each batch, in ms. Default 0. */
      pauseMs?: number;
      /** PING round trip above which the scan backs off. Default 10 ms. */
      latencyLimitMs?: number;
      /** How often the scan PINGs the instance. Default 100 ms. */
      probeIntervalMs?: number;
      /** First pause when PING is over the limit, doubled each time. Default 500 ms. */
      backoffMs?: number;
      /** Pauses in a row after which the scan stops. Default 5. */
      maxBackoffs?: number;
      /** Reply timeout. Default 10000 ms. */
      timeoutMs?: number;
      /** How often progress is saved on the operation. Default 1000 ms. */
      progressIntervalMs?: number;
    };

    /** The maintenance job that applies automatic patch upgrades (docs/maintenance-windows.md). */
    maintenance?: {
      /** How often the job looks at the policies. Default 60 s. */
      intervalSeconds?: number;
      /** An automatic upgrade starts only with this much of the window left. Default 15 min. */
      minimumMinutesLeft?: number;
      /** How long before an opening the owners are told of a planned upgrade. Default 24 h. */
      noticeHours?: number;
    };

    /** The metrics collector, its storage and the Prometheus endpoint (docs/metrics.md). */
    metrics?: {
      /** Default true. */
      enabled?: boolean;
      /** Seconds between collections (INFO and driver figures of every instance). Default 15. */
      intervalSeconds?: number;
      /** Instances read at the same time by one collection. Default 32. */
      concurrency?: number;
      /** How long one instance may take to answer before it counts as unreachable. Default 2000 ms. */
      timeoutMs?: number;
      /** How long raw samples are kept. Default 24 hours. */
      rawRetentionHours?: number;
      /** How long the 5-minute min/avg/max rollups are kept. Default 30 days. */
      rollupRetentionDays?: number;
      /** GET /api/dbaas/metrics in Prometheus text format, with redis_exporter's names. */
      prometheus?: {
        /**
         * A static token scrapers send as `Authorization: Bearer <token>`.
         * Without it only Backstage service credentials are let in.
         * @visibility secret
         */
        token?: string;
      };
    };

    /** Scheduled PING of every instance. */
    healthCheck?: {
      /** Seconds between checks. Default 10. */
      intervalSeconds?: number;
    };

    /** Health history kept for uptime and incidents (docs/monitoring.md). */
    availability?: {
      /** Days ended incidents and resolved alerts are kept; at least 7. Default 30. */
      retentionDays?: number;
    };

    /** Alert rules and notifications to owners (docs/monitoring.md). */
    alerts?: {
      /**
       * The rules of every instance that did not change them, in the shape
       * of PUT /instances/{id}/alert-rules. Defaults: memory and cpu at 80 %,
       * evictions above 0 keys/s, down after 2 failed checks, replication on.
       */
      defaults?: {
        memory?: { enabled?: boolean; thresholdPercent?: number };
        cpu?: { enabled?: boolean; thresholdPercent?: number };
        evictions?: { enabled?: boolean; thresholdPerSecond?: number };
        down?: { enabled?: boolean; consecutiveChecks?: number };
        replication?: { enabled?: boolean };
      };
      /**
       * Collected metrics older than this are not judged by (CPU, evictions).
       * Default three collector intervals, at least 60 s.
       */
      metricMaxAgeSeconds?: number;
      /** How long before a notification that could not be sent is tried again. Default 60 s. */
      notifyRetrySeconds?: number;
    };

    /**
     * The release watcher: refreshes the version catalog (releases and
     * security advisories of redis and valkey) from GitHub. A feed that fails
     * keeps its last good data and reports why in GET /versions.
     */
    releaseWatcher?: {
      /** Default true. */
      enabled?: boolean;
      /** Minutes between refreshes. Default 360. */
      intervalMinutes?: number;
      /** GitHub's REST API. Default https://api.github.com. */
      githubApiUrl?: string;
      /**
       * A GitHub token, to get past the 60 requests per hour of
       * unauthenticated calls. Optional.
       * @visibility secret
       */
      token?: string;
      /**
       * The feeds to read. Default: releases and advisories of redis/redis
       * and valkey-io/valkey.
       */
      feeds?: Array<{
        /** Default `<engine>-<kind>`. */
        id?: string;
        engine: 'redis' | 'valkey';
        kind: 'releases' | 'advisories';
        /** owner/name on GitHub; default redis/redis or valkey-io/valkey. */
        repo?: string;
        /** The full URL, instead of githubApiUrl and repo (a mirror, a proxy). */
        url?: string;
      }>;
    };

    /**
     * Fault injection for crash tests: the worker stops and waits forever at
     * the named point, e.g. `create:provision:after`, so a test can kill the
     * process there. Never set in production.
     */
    faultInjection?: { pauseAt?: string };
  };
}

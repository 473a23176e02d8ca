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

    /** Check every API response against the OpenAPI contract (tests). Default false. */
    validateResponses?: boolean;

    /** Scheduled PING of every instance. */
    healthCheck?: {
      /** Seconds between checks. Default 10. */
      intervalSeconds?: number;
    };

    /** Drivers that ship with the plugin. */
    drivers?: {
      /** Runs real redis-server / valkey-server processes on the backend's host. */
      local?: {
        /** Set to false to disable the local driver. Default true. */
        enabled?: boolean;
        /** Folder holding one subfolder per instance. Default `./var/dbaas/local`. */
        dataDir?: string;
        /** Address instances listen on. Default 127.0.0.1. */
        bindAddress?: string;
        /** Host put in connection details. Default: bindAddress. */
        advertisedHost?: string;
        portRange?: { start: number; end: number };
        regions?: string[];
        /** Extra engine binaries; their engine and version are detected with --version. */
        binaries?: Array<{ path: string }>;
        limits?: {
          memoryMb?: { min: number; max: number };
          cpu?: { min: number; max: number };
          diskGb?: { min: number; max: number };
        };
        supervisor?: { intervalMs?: number; maxBackoffMs?: number };
      };
    };

    /**
     * Fault injection for crash tests: the worker stops and waits forever at
     * the named point, e.g. `create:provision:after`, so a test can kill the
     * process there. Never set in production.
     */
    faultInjection?: { pauseAt?: string };
  };
}

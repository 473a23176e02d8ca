export interface Config {
  dbaas?: {
    drivers?: {
      /** The local driver: real redis-server / valkey-server processes on the backend's host. */
      local?: {
        /** Set to false to leave the driver out although the module is installed. Default true. */
        enabled?: boolean;
        /** Folder holding one subfolder per instance. Default `./var/dbaas/local`. */
        dataDir?: string;
        /**
         * How nodes are told apart on the host. `ports` (default): each
         * node gets its own port on `bindAddress`. `loopback`: each node
         * gets its own address in `loopback.network` and they all listen on
         * `loopback.port`, as pods do in Kubernetes.
         */
        addressing?: 'ports' | 'loopback';
        /** Address instances listen on with `addressing: ports`. Default 127.0.0.1. */
        bindAddress?: string;
        /** Host put in connection details with `addressing: ports`. Default: bindAddress. */
        advertisedHost?: string;
        /** Ports handed out with `addressing: ports`. Default 16400-16999. */
        portRange?: { start: number; end: number };
        /** Addresses handed out with `addressing: loopback`. */
        loopback?: {
          /** An IPv4 /16 to /30 inside 127.0.0.0/8, never containing 127.0.0.1. Default 127.0.77.0/24. */
          network?: string;
          /** The port every node listens on. Default 6379, the port of Redis everywhere. */
          port?: number;
        };
        regions?: string[];
        /** Extra engine binaries; their engine and version are detected with --version. */
        binaries?: Array<{ path: string }>;
        /**
         * Engine folders, or folders of them, whose bin/redis-server or
         * bin/valkey-server is run side by side with the PATH binaries; each
         * build's version comes from --version plus the Debian package data
         * in the folder (e.g. 7.0.15+deb12u7). Default:
         * [/opt/justmanage/engines], where scripts/install-engines.sh installs.
         */
        engineDirs?: string[];
        limits?: {
          memoryMb?: { min: number; max: number };
          cpu?: { min: number; max: number };
          diskGb?: { min: number; max: number };
        };
        supervisor?: { intervalMs?: number; maxBackoffMs?: number };
        /** The three Sentinels of every replicated instance. */
        sentinel?: {
          /** How long a primary may not answer before it counts as down. Default 5000 ms. */
          downAfterMs?: number;
          /** Sentinel's failover-timeout: how long a failover may take before it is retried. Default 30000 ms. */
          failoverTimeoutMs?: number;
        };
      };
    };
  };
}

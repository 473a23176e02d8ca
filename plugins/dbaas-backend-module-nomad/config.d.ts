export interface Config {
  dbaas?: {
    drivers?: {
      /** The Nomad driver: each instance is a Nomad job, each data node a task group. */
      nomad?: {
        /** Set to false to leave the driver out although the module is installed. Default true. */
        enabled?: boolean;
        /** The agent's HTTP address, e.g. https://nomad.example.com:4646. */
        address: string;
        /**
         * An ACL token's SecretID, sent as X-Nomad-Token. docs/nomad.md has
         * the policy it needs.
         * @visibility secret
         */
        token?: string;
        /** Namespace of the jobs and variables, unless a region names its own. Default `default`. */
        namespace?: string;
        /** Job ids are this prefix and the instance id. Default `jm-`. */
        jobPrefix?: string;
        /** The regions users pick, each mapped onto a Nomad region, datacenters and namespace. */
        regions: Array<{
          name: string;
          /** The Nomad region (`?region=`); default: the agent's own. */
          nomadRegion?: string;
          datacenters: string[];
          namespace?: string;
        }>;
        /**
         * Engine builds the client nodes have, and the command that runs
         * each (raw_exec or exec). Only versions listed here are offered.
         */
        engines: Array<{
          engine: 'redis' | 'valkey';
          version: string;
          /** The server binary; with `artifact`, under `${NOMAD_TASK_DIR}/engine/` where it is unpacked. */
          command: string;
          /** A tarball of the build for Nomad to fetch, check and unpack before the task starts. */
          artifact?: {
            /** An http(s) URL, or a path on the client nodes. */
            source: string;
            /** `sha256:<hex>` (or sha512, sha1, md5): required, a build is never run unchecked. */
            checksum: string;
          };
        }>;
        task?: {
          /** `raw_exec` (the default) or `exec`. */
          driver?: 'raw_exec' | 'exec';
          /** MHz the driver reserves per CPU core of an instance. Default 1000. */
          mhzPerCore?: number;
          /** Memory is reserved in steps of this size; a resize within a step is applied live. Default 64. */
          memoryStepMb?: number;
          restart?: {
            attempts?: number;
            intervalMs?: number;
            delayMs?: number;
          };
          /** How long a node must run with its check passing to count as healthy. Default 10000. */
          minHealthyTimeMs?: number;
          checkIntervalMs?: number;
        };
        limits?: {
          memoryMb?: { min: number; max: number };
          cpu?: { min: number; max: number };
          diskGb?: { min: number; max: number };
        };
        /**
         * A folder of the backend where snapshots (RDBs copied out of
         * allocations) are kept; without it the driver keeps none, and
         * instances on it cannot be upgraded.
         */
        snapshots?: {
          dir: string;
          /**
           * An address of the backend's host the Nomad clients can reach:
           * a restore makes the primary copy the RDB from a replication
           * endpoint the backend opens there for the moment. Without it
           * restores are refused.
           */
          restoreFrom?: { host: string; port: number };
        };
        /** Most replicas an instance may have. Default 5. */
        maxReplicas?: number;
        /** How the Sentinels of a replicated instance judge its primary. */
        sentinel?: {
          /** Default 5000. */
          downAfterMs?: number;
          /** Default 60000. */
          failoverTimeoutMs?: number;
        };
        /**
         * How long an update limited to some nodes (a rolling change) waits
         * for their new allocations to serve. Default 300000.
         */
        rolloutTimeoutMs?: number;
        /** Per request, for requests that do not block. Default 10000. */
        requestTimeoutMs?: number;
      };
    };
  };
}

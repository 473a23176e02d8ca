import { Engine } from '@justmanage/plugin-dbaas-common';

/** What a driver can run. Shown to users as a platform. @public */
export interface DriverCapabilities {
  title: string;
  regions: string[];
  /** Detected or configured, never assumed: a version listed here must run. */
  engines: Array<{ engine: Engine; versions: string[] }>;
  ha: {
    /** Whether the driver can run replicas next to the primary. */
    replicas: boolean;
    maxReplicas: number;
    /** Whether it can replace nodes one at a time without downtime. */
    rollingChanges: boolean;
  };
  /**
   * Present when the driver serves instances with {@link DriverTls};
   * `replicated` says whether also with replicas and Sentinels.
   */
  tls?: { replicated: boolean };
  /**
   * How the driver enforces an instance's allow-list. The backend refuses
   * an allow-list outside `reachable` (those clients could never connect)
   * and namespaces where `namespaces` is false; `note` tells users, in
   * words, what the driver cannot enforce.
   */
  allowList: {
    /** Networks from which the platform can be reached at all, in CIDR notation. */
    reachable: string[];
    /** Whether connections from outside the allow-list are refused by source address. */
    sourceFiltering: boolean;
    namespaces: boolean;
    note: string;
  };
  limits: {
    memoryMb: { min: number; max: number };
    cpu: { min: number; max: number };
    diskGb: { min: number; max: number };
  };
}

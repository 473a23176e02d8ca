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
  limits: {
    memoryMb: { min: number; max: number };
    cpu: { min: number; max: number };
    diskGb: { min: number; max: number };
  };
}

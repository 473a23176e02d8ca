import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import {
  KubernetesDriverSettings,
  KubernetesImage,
  KubernetesRegion,
} from '../config';

/** A manifest as applied: plain JSON with apiVersion, kind and metadata. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      apiVersion: string;
      kind: string;
      name: string;
      uid: string;
      controller?: boolean;
      blockOwnerDeletion?: boolean;
    }>;
  };
  [field: string]: unknown;
}

/** What every manifest of an instance is built from. */
export interface ManifestInput {
  spec: DriverInstanceSpec;
  settings: KubernetesDriverSettings;
  region: KubernetesRegion;
  image: KubernetesImage;
  /** The probes' password (see aclFile.ts). */
  healthPassword: string;
  /** The admin's password: replicas and Sentinels log in with it (replicated instances only). */
  adminPassword: string;
}

/**
 * ClusterIPs the API server gave the instance's Services, which the pods
 * of a replicated instance start from: the seed (the client Service,
 * which selects ordinal 0) and the Sentinels' Service.
 */
export interface ServiceAddresses {
  seed: string;
  sentinels: string;
}

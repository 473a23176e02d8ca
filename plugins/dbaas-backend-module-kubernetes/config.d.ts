export interface Config {
  dbaas?: {
    drivers?: {
      /** The Kubernetes driver: each instance is a StatefulSet and the objects around it. */
      kubernetes?: {
        /** Set to false to leave the driver out although the module is installed. Default true. */
        enabled?: boolean;
        /** The regions users pick, each mapped onto a cluster and a namespace. */
        regions: Array<{
          name: string;
          /** The namespace instances of this region go to; it must exist. */
          namespace: string;
          cluster: {
            /** A kubeconfig file and, optionally, its context. */
            kubeconfig?: { path: string; context?: string };
            /** The service account the backend's pod runs as. */
            inCluster?: boolean;
            /** The API server's URL, with `token` (and `caData` for https). */
            url?: string;
            /**
             * A bearer token of the service account docs/kubernetes.md gives the Role of.
             * @visibility secret
             */
            token?: string;
            /** PEM of the CA of the API server's certificate. */
            caData?: string;
          };
          /** PVCs of persistent instances get this storage class; default the cluster's. */
          storageClass?: string;
        }>;
        /**
         * The images of each engine version; only versions listed here are
         * offered. A registry mirror or a pinned digest goes here.
         */
        images: Array<{
          engine: 'redis' | 'valkey';
          version: string;
          image: string;
        }>;
        /** Namespaces and CIDRs of the control plane, always let in by NetworkPolicies. */
        controlPlane?: { namespaces?: string[]; cidrs?: string[] };
        /** Whether the clusters enforce NetworkPolicy (a CNI that does). Default true. */
        networkPoliciesEnforced?: boolean;
        /** Whether deprovisioning deletes the instance's PVCs. Default true. */
        deleteVolumes?: boolean;
        /** Memory limit above maxmemory, for fork and buffers, in percent of maxmemory. Default 25. */
        memoryHeadroomPercent?: number;
        /**
         * How the backend reaches pods: `podIP` (it runs in the cluster or routes
         * to it) or `portForward` through the API server. Default podIP.
         */
        connect?: 'podIP' | 'portForward';
        /** Most replicas an instance may have (each with three Sentinels beside the instance). Default 5. */
        maxReplicas?: number;
        /** Probe period in seconds. Default 10. */
        probePeriodSeconds?: number;
        limits?: {
          memoryMb?: { min: number; max: number };
          cpu?: { min: number; max: number };
          diskGb?: { min: number; max: number };
        };
      };
    };
  };
}

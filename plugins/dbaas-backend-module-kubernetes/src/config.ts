import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { Engine } from '@justmanage/plugin-dbaas-common';

export interface Range {
  min: number;
  max: number;
}

/** How the driver reaches a cluster's API server. */
export type ClusterAccess =
  | { kind: 'kubeconfig'; path: string; context?: string }
  | { kind: 'inCluster' }
  | { kind: 'url'; url: string; token: string; caData?: string };

export interface KubernetesRegion {
  name: string;
  namespace: string;
  cluster: ClusterAccess;
  storageClass?: string;
}

export interface KubernetesImage {
  engine: Engine;
  version: string;
  image: string;
}

/** `dbaas.drivers.kubernetes` with every default filled in. */
export interface KubernetesDriverSettings {
  regions: KubernetesRegion[];
  images: KubernetesImage[];
  controlPlane: { namespaces: string[]; cidrs: string[] };
  networkPoliciesEnforced: boolean;
  deleteVolumes: boolean;
  memoryHeadroomPercent: number;
  probePeriodSeconds: number;
  maxReplicas: number;
  /** How the backend reaches pods: their IPs, or a port-forward through the API server. */
  connect: 'podIP' | 'portForward';
  limits: { memoryMb: Range; cpu: Range; diskGb: Range };
}

const KEY = 'dbaas.drivers.kubernetes';
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function range(
  config: Config | undefined,
  key: string,
  fallback: Range,
): Range {
  const value = {
    min: config?.getOptionalNumber(`${key}.min`) ?? fallback.min,
    max: config?.getOptionalNumber(`${key}.max`) ?? fallback.max,
  };
  if (!(value.min <= value.max)) {
    throw new InputError(
      `${KEY}.limits.${key}: min ${value.min} exceeds max ${value.max}`,
    );
  }
  return value;
}

function readAccess(region: Config, at: string): ClusterAccess {
  const cluster = region.getConfig('cluster');
  const kubeconfig = cluster.getOptionalConfig('kubeconfig');
  if (kubeconfig) {
    return {
      kind: 'kubeconfig',
      path: kubeconfig.getString('path'),
      context: kubeconfig.getOptionalString('context'),
    };
  }
  if (cluster.getOptionalBoolean('inCluster')) return { kind: 'inCluster' };
  const url = cluster.getOptionalString('url');
  const token = cluster.getOptionalString('token');
  if (!url || !token) {
    throw new InputError(
      `${at}.cluster needs kubeconfig, inCluster: true, or url and token`,
    );
  }
  return {
    kind: 'url',
    url,
    token,
    caData: cluster.getOptionalString('caData'),
  };
}

function readConnect(value: string | undefined): 'podIP' | 'portForward' {
  if (value === undefined || value === 'podIP' || value === 'portForward')
    return value ?? 'podIP';
  throw new InputError(
    `${KEY}.connect must be podIP or portForward, got "${value}"`,
  );
}

export function readKubernetesDriverSettings(
  root: Config,
): KubernetesDriverSettings {
  const config = root.getConfig(KEY);
  const regions = config.getConfigArray('regions').map((r, i) => {
    const namespace = r.getString('namespace');
    if (!NAMESPACE.test(namespace)) {
      throw new InputError(
        `${KEY}.regions[${i}].namespace must be a DNS-1123 label, got "${namespace}"`,
      );
    }
    return {
      name: r.getString('name'),
      namespace,
      cluster: readAccess(r, `${KEY}.regions[${i}]`),
      storageClass: r.getOptionalString('storageClass'),
    };
  });
  if (!regions.length)
    throw new InputError(`${KEY}.regions must name at least one region`);
  const images = config.getConfigArray('images').map(e => ({
    engine: e.getString('engine') as Engine,
    version: e.getString('version'),
    image: e.getString('image'),
  }));
  const headroom = config.getOptionalNumber('memoryHeadroomPercent') ?? 25;
  if (!(headroom >= 0 && headroom <= 400)) {
    throw new InputError(
      `${KEY}.memoryHeadroomPercent must be within 0..400, got ${headroom}`,
    );
  }
  const limits = config.getOptionalConfig('limits');
  return {
    regions,
    images,
    controlPlane: {
      namespaces:
        config.getOptionalStringArray('controlPlane.namespaces') ?? [],
      cidrs: config.getOptionalStringArray('controlPlane.cidrs') ?? [],
    },
    networkPoliciesEnforced:
      config.getOptionalBoolean('networkPoliciesEnforced') ?? true,
    deleteVolumes: config.getOptionalBoolean('deleteVolumes') ?? true,
    memoryHeadroomPercent: headroom,
    probePeriodSeconds: config.getOptionalNumber('probePeriodSeconds') ?? 10,
    maxReplicas: config.getOptionalNumber('maxReplicas') ?? 5,
    connect: readConnect(config.getOptionalString('connect')),
    limits: {
      memoryMb: range(limits, 'memoryMb', { min: 16, max: 16384 }),
      cpu: range(limits, 'cpu', { min: 0.1, max: 8 }),
      diskGb: range(limits, 'diskGb', { min: 1, max: 500 }),
    },
  };
}

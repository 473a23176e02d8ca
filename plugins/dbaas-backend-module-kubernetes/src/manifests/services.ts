import {
  headlessServiceName,
  labels,
  objectName,
  REDIS_PORT,
  dataSelector,
} from '../names';
import { Manifest, ManifestInput } from './types';

const port = {
  name: 'redis',
  port: REDIS_PORT,
  targetPort: 'redis',
  protocol: 'TCP',
};

/**
 * The headless Service gives every pod a stable DNS name
 * (`<pod>.jm-<id>-nodes.<namespace>.svc`), ready or not, for replicas and
 * Sentinels to find each other.
 */
export function headlessServiceManifest({
  spec,
  region,
}: ManifestInput): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: headlessServiceName(spec.instanceId),
      namespace: region.namespace,
      labels: labels(spec.instanceId, 'nodes'),
    },
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: dataSelector(spec.instanceId),
      ports: [port],
    },
  };
}

/**
 * What applications connect to: the primary only. A standalone instance's
 * primary is always ordinal 0; with replicas the driver will label the
 * primary's pod instead (not built yet).
 */
export function clientServiceManifest({
  spec,
  region,
}: ManifestInput): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: objectName(spec.instanceId),
      namespace: region.namespace,
      labels: labels(spec.instanceId, 'client'),
    },
    spec: {
      type: 'ClusterIP',
      selector: {
        ...dataSelector(spec.instanceId),
        'apps.kubernetes.io/pod-index': '0',
      },
      ports: [port],
    },
  };
}

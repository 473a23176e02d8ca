import {
  dataSelector,
  labels,
  objectName,
  REDIS_PORT,
  selectorLabels,
  SENTINEL_PORT,
} from '../names';
import { Manifest, ManifestInput } from './types';

/** At most one of the instance's pods evicted at a time by a drain. */
export function podDisruptionBudgetManifest({
  spec,
  region,
}: ManifestInput): Manifest {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {
      name: objectName(spec.instanceId),
      namespace: region.namespace,
      labels: labels(spec.instanceId, 'disruption-budget'),
    },
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: dataSelector(spec.instanceId) },
    },
  };
}

/**
 * Ingress to the pods only on the Redis port, only from the instance's
 * allow-list (CIDRs and namespaces), the control plane, and the
 * instance's own pods (replication). Without an allow-list every source
 * may connect, as instances made before allow-lists always could.
 */
export function networkPolicyManifest({
  spec,
  settings,
  region,
}: ManifestInput): Manifest {
  const allow = spec.allowList;
  const byNamespace = (names: string[]) =>
    names.length
      ? [
          {
            namespaceSelector: {
              matchExpressions: [
                {
                  key: 'kubernetes.io/metadata.name',
                  operator: 'In',
                  values: [...names].sort(),
                },
              ],
            },
          },
        ]
      : [];
  const from = allow
    ? [
        ...allow.cidrs.map(cidr => ({ ipBlock: { cidr } })),
        ...byNamespace(allow.namespaces ?? []),
        ...settings.controlPlane.cidrs.map(cidr => ({ ipBlock: { cidr } })),
        ...byNamespace(settings.controlPlane.namespaces),
        { podSelector: { matchLabels: selectorLabels(spec.instanceId) } },
      ]
    : undefined;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: objectName(spec.instanceId),
      namespace: region.namespace,
      labels: labels(spec.instanceId, 'network-policy'),
    },
    spec: {
      podSelector: { matchLabels: selectorLabels(spec.instanceId) },
      policyTypes: ['Ingress'],
      ingress: [
        {
          ...(from ? { from } : {}),
          ports: [
            REDIS_PORT,
            ...(spec.replicas > 0 ? [SENTINEL_PORT] : []),
          ].map(port => ({ protocol: 'TCP', port })),
        },
      ],
    },
  };
}

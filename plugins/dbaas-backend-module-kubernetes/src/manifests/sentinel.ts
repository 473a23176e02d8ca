import {
  labels,
  objectName,
  REDIS_PORT,
  SENTINEL_PORT,
  sentinelSelector,
  sentinelSetName,
} from '../names';
import { SENTINEL_QUORUM, SENTINELS } from './replication';
import {
  containerSecurity,
  DATA_DIR,
  REDIS_UID,
  SECRET_DIR,
  serverOf,
} from './statefulSet';
import { Manifest, ManifestInput, ServiceAddresses } from './types';

/** What clients and new data pods ask for the current primary. */
export function sentinelServiceManifest({
  spec,
  region,
}: ManifestInput): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: sentinelSetName(spec.instanceId),
      namespace: region.namespace,
      labels: labels(spec.instanceId, 'sentinel'),
    },
    spec: {
      type: 'ClusterIP',
      selector: sentinelSelector(spec.instanceId),
      ports: [
        {
          name: 'sentinel',
          port: SENTINEL_PORT,
          targetPort: 'sentinel',
          protocol: 'TCP',
        },
      ],
    },
  };
}

/**
 * Three Sentinels, started together (Parallel), each from sentinel.conf
 * in the Secret with `sentinel monitor` put first by its init container:
 * the seed Service's ClusterIP on a new instance. Sentinel rewrites its
 * file as it learns the replicas, the other Sentinels and failovers.
 */
export function sentinelStatefulSetManifest(
  { spec, region, image }: ManifestInput,
  addresses: ServiceAddresses,
): Manifest {
  const conf = `${DATA_DIR}/sentinel.conf`;
  const prepare = [
    'set -e',
    `echo "sentinel monitor $MASTER_NAME ${addresses.seed} ${REDIS_PORT} ${SENTINEL_QUORUM}" > ${conf}`,
    `cat ${SECRET_DIR}/sentinel.conf >> ${conf}`,
    `echo "sentinel announce-ip $POD_IP" >> ${conf}`,
  ].join('\n');
  const env = [
    { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
    { name: 'MASTER_NAME', value: spec.name },
  ];
  const mounts = [
    { name: 'secret', mountPath: SECRET_DIR, readOnly: true },
    { name: 'data', mountPath: DATA_DIR },
  ];
  const resources = { cpu: '100m', memory: '64Mi' };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: sentinelSetName(spec.instanceId),
      namespace: region.namespace,
      labels: labels(spec.instanceId, 'sentinel'),
    },
    spec: {
      replicas: SENTINELS,
      serviceName: sentinelSetName(spec.instanceId),
      selector: { matchLabels: sentinelSelector(spec.instanceId) },
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'OnDelete' },
      template: {
        metadata: {
          labels: labels(spec.instanceId, 'sentinel', {
            'app.kubernetes.io/version': spec.version,
          }),
        },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: REDIS_UID,
            runAsGroup: REDIS_UID,
            fsGroup: REDIS_UID,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    labelSelector: {
                      matchLabels: sentinelSelector(spec.instanceId),
                    },
                    topologyKey: 'kubernetes.io/hostname',
                  },
                },
              ],
            },
          },
          initContainers: [
            {
              name: 'prepare',
              image: image.image,
              command: ['sh', '-c', prepare],
              env,
              securityContext: containerSecurity,
              resources: {
                requests: { cpu: '50m', memory: '32Mi' },
                limits: { cpu: '50m', memory: '32Mi' },
              },
              volumeMounts: mounts,
            },
          ],
          containers: [
            {
              name: 'sentinel',
              image: image.image,
              command: [serverOf(spec.engine), conf, '--sentinel'],
              ports: [
                {
                  name: 'sentinel',
                  containerPort: SENTINEL_PORT,
                  protocol: 'TCP',
                },
              ],
              env,
              resources: { requests: resources, limits: resources },
              securityContext: containerSecurity,
              // Anyone may PING a Sentinel (discovery rules), so no login here.
              readinessProbe: {
                exec: {
                  command: [
                    'sh',
                    '-c',
                    `redis-cli -h "$POD_IP" -p ${SENTINEL_PORT} ping | grep -q '^PONG'`,
                  ],
                },
                periodSeconds: 10,
                timeoutSeconds: 2,
              },
              livenessProbe: {
                tcpSocket: { port: SENTINEL_PORT },
                periodSeconds: 10,
                failureThreshold: 6,
              },
              volumeMounts: mounts,
            },
          ],
          volumes: [
            {
              name: 'secret',
              secret: {
                secretName: objectName(spec.instanceId),
                defaultMode: 0o440,
              },
            },
            { name: 'data', emptyDir: {} },
          ],
        },
      },
    },
  };
}

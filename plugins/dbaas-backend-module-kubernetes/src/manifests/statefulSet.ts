import {
  headlessServiceName,
  labels,
  objectName,
  REDIS_PORT,
  selectorLabels,
  dataSelector,
  SENTINEL_PORT,
} from '../names';
import { Manifest, ManifestInput, ServiceAddresses } from './types';

const CONF_DIR = '/etc/justmanage/conf';
export const SECRET_DIR = '/etc/justmanage/secret';
export const DATA_DIR = '/data';
/** The official images run Redis as uid/gid 999. */
export const REDIS_UID = 999;

export const containerSecurity = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

export const serverOf = (engine: string) =>
  engine === 'valkey' ? 'valkey-server' : 'redis-server';

/**
 * Logs in as the health user and PINGs; `accept` lists the replies that
 * pass (the start of a line of redis-cli's output, errors included).
 */
function probe(
  accept: string[],
  periodSeconds: number,
  failureThreshold: number,
) {
  const cli = `redis-cli --no-auth-warning -h "$POD_IP" -p ${REDIS_PORT} --user "$HEALTH_USER" ping 2>&1`;
  return {
    exec: {
      command: ['sh', '-c', `${cli} | grep -Eq '^(${accept.join('|')})'`],
    },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold,
  };
}

/** Ready: the health user's PING answered. */
const READY = ['PONG'];
/**
 * Alive: any answer of a server whose event loop turns. LOADING keeps a
 * node loading a large dataset from being killed; the login errors keep a
 * missing health user (see docs/kubernetes.md) from restarting the pod.
 */
const ALIVE = ['PONG', 'LOADING', 'NOAUTH', 'AUTH failed', 'WRONGPASS'];

/**
 * What each data pod does before its server starts. The ACL file is copied
 * onto the data volume, since ACL SAVE needs to write it and a Secret
 * volume is read-only. A replicated pod asks the Sentinels for the
 * current primary and replicates from it; when no Sentinel answers yet
 * (the instance is new), ordinal 0 starts as the primary and the others
 * replicate from the seed Service, which selects ordinal 0.
 */
function prepareScript(replicated: boolean): string {
  const lines = [
    'set -e',
    `cp ${SECRET_DIR}/users.acl ${DATA_DIR}/users.acl`,
    `: > ${DATA_DIR}/replication.conf`,
  ];
  if (replicated) {
    lines.push(
      `cat ${SECRET_DIR}/replication.conf > ${DATA_DIR}/replication.conf`,
      `primary=$(redis-cli --raw -h "$SENTINEL_HOST" -p ${SENTINEL_PORT} sentinel get-master-addr-by-name "$MASTER_NAME" 2>/dev/null | head -n 1 || true)`,
      'case "$primary" in *[!0-9a-fA-F.:]*) primary="" ;; esac',
      'if [ -z "$primary" ] && [ "${POD_NAME##*-}" != 0 ]; then primary="$SEED_HOST"; fi',
      'if [ "${POD_NAME##*-}" = 0 ] && [ "$primary" = "$SEED_HOST" ]; then primary=""; fi',
      `if [ -n "$primary" ] && [ "$primary" != "$POD_IP" ]; then echo "replicaof $primary ${REDIS_PORT}" >> ${DATA_DIR}/replication.conf; fi`,
    );
  }
  return lines.join('\n');
}

/** Memory request = limit: maxmemory plus headroom for fork and buffers, in MiB. */
export function memoryLimitMi(
  memoryMb: number,
  headroomPercent: number,
): number {
  return Math.ceil((memoryMb * (100 + headroomPercent)) / 100) + 32;
}

/**
 * The StatefulSet of the data nodes. `OnDelete`: a changed template
 * reaches a pod only when the control plane deletes that pod, so it
 * decides the order (replicas first, the primary after a switchover).
 * Settings reach running servers by CONFIG SET instead.
 */
export function statefulSetManifest(
  { spec, settings, region, image }: ManifestInput,
  addresses?: ServiceAddresses,
): Manifest {
  const replicated = spec.replicas > 0;
  if (replicated && !addresses) {
    throw new Error("A replicated instance needs its Services' addresses");
  }
  const persistent = spec.persistence !== 'none';
  const memory = `${memoryLimitMi(
    spec.resources.memoryMb,
    settings.memoryHeadroomPercent,
  )}Mi`;
  const cpu = `${Math.round(spec.resources.cpu * 1000)}m`;
  const podLabels = labels(spec.instanceId, 'data', {
    'app.kubernetes.io/version': spec.version,
  });
  const env = [
    { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
    {
      name: 'POD_NAME',
      valueFrom: { fieldRef: { fieldPath: 'metadata.name' } },
    },
    ...(replicated
      ? [
          { name: 'SEED_HOST', value: addresses!.seed },
          { name: 'SENTINEL_HOST', value: addresses!.sentinels },
          { name: 'MASTER_NAME', value: spec.name },
        ]
      : []),
    {
      name: 'HEALTH_USER',
      valueFrom: {
        secretKeyRef: {
          name: objectName(spec.instanceId),
          key: 'health-username',
        },
      },
    },
    // redis-cli reads the password from here, so it is not on a command line.
    {
      name: 'REDISCLI_AUTH',
      valueFrom: {
        secretKeyRef: {
          name: objectName(spec.instanceId),
          key: 'health-password',
        },
      },
    },
  ];
  const mounts = [
    { name: 'conf', mountPath: CONF_DIR, readOnly: true },
    { name: 'secret', mountPath: SECRET_DIR, readOnly: true },
    { name: 'data', mountPath: DATA_DIR },
  ];
  const period = settings.probePeriodSeconds;
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: objectName(spec.instanceId),
      namespace: region.namespace,
      labels: labels(spec.instanceId, 'data'),
    },
    spec: {
      replicas: spec.replicas + 1,
      serviceName: headlessServiceName(spec.instanceId),
      selector: { matchLabels: dataSelector(spec.instanceId) },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'OnDelete' },
      ...(persistent
        ? {
            persistentVolumeClaimRetentionPolicy: {
              whenDeleted: settings.deleteVolumes ? 'Delete' : 'Retain',
              whenScaled: 'Delete',
            },
          }
        : {}),
      template: {
        metadata: { labels: podLabels },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          terminationGracePeriodSeconds: 30,
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
                      matchLabels: dataSelector(spec.instanceId),
                    },
                    topologyKey: 'kubernetes.io/hostname',
                  },
                },
              ],
            },
          },
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: dataSelector(spec.instanceId) },
            },
          ],
          initContainers: [
            {
              name: 'prepare',
              image: image.image,
              command: ['sh', '-c', prepareScript(replicated)],
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
              name: 'redis',
              image: image.image,
              command: [serverOf(spec.engine), `${CONF_DIR}/redis.conf`],
              args: [
                '--dir',
                DATA_DIR,
                '--aclfile',
                `${DATA_DIR}/users.acl`,
                '--include',
                `${DATA_DIR}/replication.conf`,
                // Replicas and Sentinels reach the node at its own address.
                '--replica-announce-ip',
                '$(POD_IP)',
              ],
              ports: [
                { name: 'redis', containerPort: REDIS_PORT, protocol: 'TCP' },
              ],
              env,
              resources: { requests: { cpu, memory }, limits: { cpu, memory } },
              securityContext: containerSecurity,
              readinessProbe: probe(READY, period, 3),
              livenessProbe: {
                ...probe(ALIVE, period, 6),
                initialDelaySeconds: period,
              },
              volumeMounts: mounts,
            },
          ],
          volumes: [
            { name: 'conf', configMap: { name: objectName(spec.instanceId) } },
            {
              name: 'secret',
              secret: {
                secretName: objectName(spec.instanceId),
                defaultMode: 0o440,
              },
            },
            ...(persistent ? [] : [{ name: 'data', emptyDir: {} }]),
          ],
        },
      },
      ...(persistent
        ? {
            volumeClaimTemplates: [
              {
                metadata: {
                  name: 'data',
                  labels: selectorLabels(spec.instanceId),
                },
                spec: {
                  accessModes: ['ReadWriteOnce'],
                  ...(region.storageClass
                    ? { storageClassName: region.storageClass }
                    : {}),
                  resources: {
                    requests: { storage: `${spec.resources.diskGb}Gi` },
                  },
                },
              },
            ],
          }
        : {}),
    },
  };
}

import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { NomadEngine, NomadDriverSettings, NomadRegion } from './config';
import { NomadJob, NomadTask, NomadTaskGroup, SECOND_NS } from './client';
import { memoryReservationMb } from './memory';
import { engineArtifacts } from './engineArtifact';
import { MS_NS, nodeService, restartPolicy } from './groupParts';
import {
  dataGroup,
  jobIdOf,
  REDIS_PORT_LABEL,
  REDIS_TASK,
  SENTINEL_COUNT,
  variablePath,
} from './names';
import { sentinelNodeGroup } from './replication/sentinelGroup';

/** Job meta that marks the driver's jobs and names the instance. */
export const META_INSTANCE = 'jm_instance';
export const META_MANAGED_BY = 'jm_managed_by';
/** The instance's name: Sentinel's name for its primary. */
export const META_NAME = 'jm_name';

/**
 * redis.conf as the task renders it: what depends on the allocation (its
 * address and directories) from Nomad's environment, what depends on the
 * spec from the group's variable. Changes to the variable re-render it
 * without a restart (`noop`): the driver applies settings live.
 */
function redisConfTemplate(path: string): string {
  return [
    `# Rendered by Nomad from ${path}; written by the JustManage nomad driver.`,
    `port {{ env "NOMAD_PORT_${REDIS_PORT_LABEL}" }}`,
    `bind {{ env "NOMAD_IP_${REDIS_PORT_LABEL}" }}`,
    'protected-mode yes',
    'daemonize no',
    'dir {{ env "NOMAD_ALLOC_DIR" }}/data',
    'aclfile {{ env "NOMAD_SECRETS_DIR" }}/users.acl',
    // Replicas are known by the address they announce: on a shared host
    // their connections may come from another one.
    `replica-announce-ip {{ env "NOMAD_IP_${REDIS_PORT_LABEL}" }}`,
    // How this node logs in to a primary, in a file only the task reads.
    'include {{ env "NOMAD_SECRETS_DIR" }}/replication.conf',
    `{{ with nomadVar "${path}" }}{{ .redis_conf }}{{ end }}`,
    '',
  ].join('\n');
}

function redisTask(
  spec: DriverInstanceSpec,
  settings: NomadDriverSettings,
  engine: NomadEngine,
  path: string,
): NomadTask {
  return {
    Name: REDIS_TASK,
    Driver: settings.task.driver,
    Config: { command: engine.command, args: ['${NOMAD_TASK_DIR}/redis.conf'] },
    ...engineArtifacts(engine.artifact),
    Templates: [
      {
        DestPath: 'local/redis.conf',
        ChangeMode: 'noop',
        EmbeddedTmpl: redisConfTemplate(path),
      },
      {
        DestPath: 'secrets/users.acl',
        // ACL changes reach running servers through the control plane
        // (ACL SETUSER); the file is what a restart starts from.
        ChangeMode: 'noop',
        Perms: '0600',
        EmbeddedTmpl: `{{ with nomadVar "${path}" }}{{ .users_acl }}{{ end }}`,
      },
      {
        DestPath: 'secrets/replication.conf',
        ChangeMode: 'noop',
        Perms: '0600',
        EmbeddedTmpl: `{{ with nomadVar "${path}" }}{{ .replication_auth }}{{ end }}`,
      },
    ],
    Resources: {
      CPU: Math.max(
        10,
        Math.round(spec.resources.cpu * settings.task.mhzPerCore),
      ),
      MemoryMB: memoryReservationMb(
        spec.resources.memoryMb,
        settings.task.memoryStepMb,
      ),
    },
    // SIGTERM: Redis saves (when persistence is on) and exits cleanly.
    KillSignal: 'SIGTERM',
    KillTimeout: 30 * SECOND_NS,
    Meta: { engine: spec.engine, version: spec.version },
  };
}

/** One data node: a group of count 1, its own port, check and sticky disk. */
export function dataNodeGroup(
  spec: DriverInstanceSpec,
  settings: NomadDriverSettings,
  engine: NomadEngine,
  ordinal: number,
): NomadTaskGroup {
  const name = dataGroup(ordinal);
  const jobId = jobIdOf(settings.jobPrefix, spec.instanceId);
  return {
    Name: name,
    Count: 1,
    Networks: [{ Mode: 'host', DynamicPorts: [{ Label: REDIS_PORT_LABEL }] }],
    Services: [nodeService(spec, settings, name)],
    RestartPolicy: restartPolicy(settings),
    // Sticky: a new allocation of this node (an update, a restart
    // elsewhere on the same client) takes the data directory along.
    EphemeralDisk: {
      SizeMB: spec.resources.diskGb * 1024,
      Sticky: true,
      Migrate: true,
    },
    Meta: { jm_node: name, jm_ordinal: String(ordinal) },
    Tasks: [redisTask(spec, settings, engine, variablePath(jobId, name))],
  };
}

/**
 * The job of an instance. With `keep`, groups not named in `onlyGroups`
 * are copied from the registered job unchanged, so an update limited to
 * some nodes changes no other allocation (Nomad would replace every group
 * whose definition moved, all at once).
 */
export function buildJob(
  spec: DriverInstanceSpec,
  settings: NomadDriverSettings,
  region: NomadRegion,
  engine: NomadEngine,
  keep?: { registered: NomadJob; onlyGroups: Set<string> },
): NomadJob {
  const jobId = jobIdOf(settings.jobPrefix, spec.instanceId);
  const wanted: NomadTaskGroup[] = [];
  for (let ordinal = 0; ordinal <= spec.replicas; ordinal++)
    wanted.push(dataNodeGroup(spec, settings, engine, ordinal));
  if (spec.replicas > 0) {
    for (let i = 0; i < SENTINEL_COUNT; i++)
      wanted.push(sentinelNodeGroup(spec, settings, engine, i));
  }
  const groups = wanted.map(fresh => {
    const current = keep?.registered.TaskGroups.find(
      g => g.Name === fresh.Name,
    );
    return current && !keep!.onlyGroups.has(fresh.Name) ? current : fresh;
  });
  return {
    ID: jobId,
    Name: jobId,
    Namespace: region.namespace,
    ...(region.nomadRegion ? { Region: region.nomadRegion } : {}),
    Type: 'service',
    Datacenters: region.datacenters,
    Meta: {
      [META_INSTANCE]: spec.instanceId,
      [META_MANAGED_BY]: 'justmanage',
      [META_NAME]: spec.name,
    },
    Update: {
      MaxParallel: 1,
      HealthCheck: 'checks',
      MinHealthyTime: settings.task.minHealthyTimeMs * MS_NS,
      HealthyDeadline: 5 * 60 * SECOND_NS,
      ProgressDeadline: 10 * 60 * SECOND_NS,
      AutoRevert: false,
    },
    TaskGroups: groups,
  };
}

import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { NomadEngine, NomadDriverSettings, NomadRegion } from './config';
import { NomadJob, NomadTask, NomadTaskGroup, SECOND_NS } from './client';
import { memoryReservationMb } from './memory';
import {
  dataGroup,
  jobIdOf,
  REDIS_PORT_LABEL,
  REDIS_TASK,
  variablePath,
} from './names';

const MS_NS = 1_000_000;

/** Job meta that marks the driver's jobs and names the instance. */
export const META_INSTANCE = 'jm_instance';
export const META_MANAGED_BY = 'jm_managed_by';

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
  const { restart } = settings.task;
  return {
    Name: name,
    Count: 1,
    Networks: [{ Mode: 'host', DynamicPorts: [{ Label: REDIS_PORT_LABEL }] }],
    Services: [
      {
        Name: `${jobId}-${name}`,
        PortLabel: REDIS_PORT_LABEL,
        // Nomad-native services allow tcp and http checks only.
        Provider: 'nomad',
        Tags: ['justmanage', `instance-${spec.instanceId}`],
        Checks: [
          {
            Name: 'redis-tcp',
            Type: 'tcp',
            Interval: settings.task.checkIntervalMs * MS_NS,
            Timeout: 2 * SECOND_NS,
          },
        ],
      },
    ],
    RestartPolicy: {
      Attempts: restart.attempts,
      Interval: restart.intervalMs * MS_NS,
      Delay: restart.delayMs * MS_NS,
      Mode: 'delay',
    },
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
  const groups: NomadTaskGroup[] = [];
  for (let ordinal = 0; ordinal <= spec.replicas; ordinal++) {
    const fresh = dataNodeGroup(spec, settings, engine, ordinal);
    const current = keep?.registered.TaskGroups.find(
      g => g.Name === fresh.Name,
    );
    groups.push(current && !keep!.onlyGroups.has(fresh.Name) ? current : fresh);
  }
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
      jm_name: spec.name,
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

import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { NomadTaskGroup, SECOND_NS } from '../client';
import { NomadDriverSettings, NomadEngine } from '../config';
import { nodeService, restartPolicy } from '../groupParts';
import { engineArtifacts } from '../engineArtifact';
import {
  jobIdOf,
  REDIS_PORT_LABEL,
  REDIS_TASK,
  sentinelGroup,
  variablePath,
} from '../names';

/**
 * sentinel.conf as the task renders it. Sentinel owns the file once it
 * runs (it records epochs and the nodes it found there), so the template
 * does not restart it: the variable changes only when the driver replaces
 * the group, and then the new allocation starts from it.
 */
function sentinelConfTemplate(path: string): string {
  return [
    `# Rendered by Nomad from ${path}; Sentinel rewrites it as it runs.`,
    `port {{ env "NOMAD_PORT_${REDIS_PORT_LABEL}" }}`,
    `bind {{ env "NOMAD_IP_${REDIS_PORT_LABEL}" }}`,
    `sentinel announce-ip {{ env "NOMAD_IP_${REDIS_PORT_LABEL}" }}`,
    'daemonize no',
    'dir {{ env "NOMAD_ALLOC_DIR" }}/data',
    `{{ with nomadVar "${path}" }}{{ .sentinel_conf }}{{ end }}`,
    '',
  ].join('\n');
}

/** One Sentinel: a group of count 1 running the engine's server in Sentinel mode. */
export function sentinelNodeGroup(
  spec: DriverInstanceSpec,
  settings: NomadDriverSettings,
  engine: NomadEngine,
  index: number,
): NomadTaskGroup {
  const name = sentinelGroup(index);
  const path = variablePath(jobIdOf(settings.jobPrefix, spec.instanceId), name);
  return {
    Name: name,
    Count: 1,
    Networks: [{ Mode: 'host', DynamicPorts: [{ Label: REDIS_PORT_LABEL }] }],
    Services: [nodeService(spec, settings, name)],
    RestartPolicy: restartPolicy(settings),
    EphemeralDisk: { SizeMB: 64, Sticky: false, Migrate: false },
    Meta: { jm_node: name },
    Tasks: [
      {
        Name: REDIS_TASK,
        Driver: settings.task.driver,
        Config: {
          command: engine.command,
          args: ['${NOMAD_SECRETS_DIR}/sentinel.conf', '--sentinel'],
        },
        ...engineArtifacts(engine.artifact),
        Templates: [
          {
            // Secrets: it holds the admin password, and Sentinel writes it.
            DestPath: 'secrets/sentinel.conf',
            ChangeMode: 'noop',
            Perms: '0600',
            EmbeddedTmpl: sentinelConfTemplate(path),
          },
        ],
        Resources: { CPU: 100, MemoryMB: 64 },
        KillSignal: 'SIGTERM',
        KillTimeout: 10 * SECOND_NS,
        Meta: { engine: spec.engine, version: spec.version },
      },
    ],
  };
}

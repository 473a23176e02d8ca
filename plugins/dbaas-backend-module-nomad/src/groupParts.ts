import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { NomadRestartPolicy, NomadService, SECOND_NS } from './client';
import { NomadDriverSettings } from './config';
import { jobIdOf, REDIS_PORT_LABEL } from './names';

/** Nomad durations are nanoseconds. */
export const MS_NS = 1_000_000;

/** A Nomad-native service with a tcp check: how the driver tells a serving node from a started task. */
export function nodeService(
  spec: DriverInstanceSpec,
  settings: NomadDriverSettings,
  group: string,
): NomadService {
  const jobId = jobIdOf(settings.jobPrefix, spec.instanceId);
  return {
    Name: `${jobId}-${group}`,
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
  };
}

export function restartPolicy(
  settings: NomadDriverSettings,
): NomadRestartPolicy {
  const { restart } = settings.task;
  return {
    Attempts: restart.attempts,
    Interval: restart.intervalMs * MS_NS,
    Delay: restart.delayMs * MS_NS,
    Mode: 'delay',
  };
}

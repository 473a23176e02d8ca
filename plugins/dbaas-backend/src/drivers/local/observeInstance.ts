import { ObservedInstance, ObservedPhase } from '@justmanage/plugin-dbaas-node';
import { pathExists } from './fsUtils';
import { InstanceFiles } from './instanceFiles';
import { findLivePid } from './instanceProcess';
import { readRuntime } from './instanceState';
import { respPing } from './respPing';

/** The id of an instance's only node, as `update`'s `nodeIds` name it. */
export function primaryNodeId(instanceId: string): string {
  return `${instanceId}-primary`;
}

/** An instance the platform has nothing for. */
export function absentInstance(instanceId: string): ObservedInstance {
  return { instanceId, phase: 'absent', endpoints: [], nodes: [] };
}

/**
 * Reports what runs for an instance: a live, verified process (pidfile and
 * /proc) that answers a raw PING. Kept to a few file reads and one short
 * TCP exchange because the control plane polls it.
 */
export async function observeInstance(
  files: InstanceFiles,
  hosts: { connectHost: string; advertisedHost: string },
): Promise<ObservedInstance> {
  const { instanceId } = files;
  const runtime = readRuntime(files);
  if (!runtime && !pathExists(files.folder)) {
    return absentInstance(instanceId);
  }
  if (!runtime) {
    return {
      instanceId,
      phase: 'starting',
      endpoints: [],
      nodes: [],
      message: 'Provisioning has not chosen a port yet',
    };
  }

  let phase: ObservedPhase;
  let message: string | undefined;
  if (!findLivePid(files, runtime)) {
    phase = 'stopped';
    message = pathExists(files.spec)
      ? 'Server not running; the supervisor restarts it'
      : 'Server not running; the instance is being deleted';
  } else {
    const ping = await respPing(hosts.connectHost, runtime.port, 500);
    phase = ping === 'serving' ? 'running' : 'starting';
    if (ping === 'loading') {
      message = 'Server is loading its dataset';
    } else if (ping === 'unreachable') {
      message = 'Server process is up but not answering yet';
    }
  }
  const endpoint = { host: hosts.advertisedHost, port: runtime.port };
  return {
    instanceId,
    phase,
    endpoints: [{ role: 'primary', ...endpoint, tls: false }],
    nodes: [
      {
        id: primaryNodeId(instanceId),
        role: 'primary',
        phase,
        ...endpoint,
        version: runtime.binary.version,
        message,
      },
    ],
    message,
  };
}

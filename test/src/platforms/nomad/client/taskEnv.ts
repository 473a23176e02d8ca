import { join } from 'node:path';
import { Allocation, Json, Task } from '../model';

/** Where an allocation's files live: `alloc/` shared by its tasks, a folder per task. */
export interface AllocPaths {
  root: string;
  shared: string;
  task(name: string): {
    root: string;
    local: string;
    secrets: string;
    tmp: string;
  };
}

export function allocPaths(dataDir: string, allocId: string): AllocPaths {
  const root = join(dataDir, 'alloc', allocId);
  return {
    root,
    shared: join(root, 'alloc'),
    task: name => ({
      root: join(root, name),
      local: join(root, name, 'local'),
      secrets: join(root, name, 'secrets'),
      tmp: join(root, name, 'tmp'),
    }),
  };
}

const upper = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');

/** The NOMAD_* environment a task gets (runtime environment docs). */
export function taskEnv(
  alloc: Allocation,
  task: Task,
  paths: AllocPaths,
  node: Json,
  region: string,
): Record<string, string> {
  const group = alloc.Job.TaskGroups.find(
    (g: Json) => g.Name === alloc.TaskGroup,
  )!;
  const dirs = paths.task(task.Name);
  const env: Record<string, string> = {
    NOMAD_ALLOC_DIR: paths.shared,
    NOMAD_TASK_DIR: dirs.local,
    NOMAD_SECRETS_DIR: dirs.secrets,
    NOMAD_ALLOC_ID: alloc.ID,
    NOMAD_ALLOC_NAME: alloc.Name,
    NOMAD_ALLOC_INDEX: /\[(\d+)\]$/.exec(alloc.Name)?.[1] ?? '0',
    NOMAD_JOB_ID: alloc.JobID,
    NOMAD_JOB_NAME: alloc.Job.Name,
    NOMAD_GROUP_NAME: alloc.TaskGroup,
    NOMAD_TASK_NAME: task.Name,
    NOMAD_NAMESPACE: alloc.Namespace,
    NOMAD_REGION: region,
    NOMAD_DC: node.Datacenter,
    NOMAD_CPU_LIMIT: String(task.Resources?.CPU ?? 0),
    NOMAD_MEMORY_LIMIT: String(task.Resources?.MemoryMB ?? 0),
  };
  for (const port of alloc.AllocatedResources?.Shared?.Ports ?? []) {
    const label = upper(port.Label);
    env[`NOMAD_IP_${label}`] = port.HostIP;
    env[`NOMAD_PORT_${label}`] = String(port.Value);
    env[`NOMAD_ADDR_${label}`] = `${port.HostIP}:${port.Value}`;
    env[`NOMAD_HOST_IP_${label}`] = port.HostIP;
    env[`NOMAD_HOST_PORT_${label}`] = String(port.Value);
    env[`NOMAD_HOST_ADDR_${label}`] = `${port.HostIP}:${port.Value}`;
  }
  for (const meta of [alloc.Job.Meta, group.Meta, task.Meta]) {
    for (const [k, v] of Object.entries<string>(meta ?? {}))
      env[`NOMAD_META_${upper(k)}`] = v;
  }
  for (const [k, v] of Object.entries<string>(task.Env ?? {}))
    env[k] = interpolate(v, env, node);
  return env;
}

/** `${NOMAD_PORT_db}`, `${node.unique.name}`, `${attr.x}`, `${meta.x}` in task config and env. */
export function interpolate(
  value: string,
  env: Record<string, string>,
  node: Json,
): string {
  return value.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (name in env) return env[name];
    if (name === 'node.unique.name') return node.Name;
    if (name === 'node.unique.id') return node.ID;
    if (name === 'node.datacenter') return node.Datacenter;
    if (name.startsWith('attr.'))
      return node.Attributes?.[name.slice(5)] ?? whole;
    if (name.startsWith('meta.')) return node.Meta?.[name.slice(5)] ?? whole;
    return whole;
  });
}

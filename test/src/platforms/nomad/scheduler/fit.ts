import { Allocation, Json, TaskGroup } from '../model';

/** What a task group asks of a node. */
export interface Ask {
  cpu: number;
  memoryMB: number;
  diskMB: number;
  dynamicPorts: Array<{ Label: string; To?: number }>;
  reservedPorts: Array<{ Label: string; Value: number; To?: number }>;
}

export function askOf(group: TaskGroup): Ask {
  const networks = group.Networks ?? [];
  return {
    cpu: group.Tasks.reduce((n, t) => n + (t.Resources?.CPU ?? 0), 0),
    memoryMB: group.Tasks.reduce((n, t) => n + (t.Resources?.MemoryMB ?? 0), 0),
    diskMB: group.EphemeralDisk?.SizeMB ?? 0,
    dynamicPorts: networks.flatMap((n: Json) => n.DynamicPorts ?? []),
    reservedPorts: networks.flatMap((n: Json) => n.ReservedPorts ?? []),
  };
}

/** What is already taken on a node. */
export interface Usage {
  cpu: number;
  memoryMB: number;
  diskMB: number;
  ports: Set<number>;
}

export function usageOf(allocs: Allocation[]): Usage {
  const usage: Usage = { cpu: 0, memoryMB: 0, diskMB: 0, ports: new Set() };
  for (const alloc of allocs) {
    const r = alloc.AllocatedResources;
    for (const task of Object.values<Json>(r?.Tasks ?? {})) {
      usage.cpu += task.Cpu?.CpuShares ?? 0;
      usage.memoryMB += task.Memory?.MemoryMB ?? 0;
    }
    usage.diskMB += r?.Shared?.DiskMB ?? 0;
    for (const port of r?.Shared?.Ports ?? []) usage.ports.add(port.Value);
  }
  return usage;
}

/** A placement that fits: the ports picked for it. */
export interface Fit {
  ports: Array<{ Label: string; Value: number; To: number; HostIP: string }>;
}

/**
 * Whether `ask` fits on `node` next to `usage`; if not, the dimension that
 * ran out, named as Nomad names it in DimensionExhausted.
 */
export function fit(
  node: Json,
  usage: Usage,
  ask: Ask,
): Fit | { exhausted: string } {
  const res = node.NodeResources;
  const reserved = node.ReservedResources ?? {};
  if (
    usage.cpu + ask.cpu >
    res.Cpu.CpuShares - (reserved.Cpu?.CpuShares ?? 0)
  ) {
    return { exhausted: 'cpu' };
  }
  if (
    usage.memoryMB + ask.memoryMB >
    res.Memory.MemoryMB - (reserved.Memory?.MemoryMB ?? 0)
  ) {
    return { exhausted: 'memory' };
  }
  if (usage.diskMB + ask.diskMB > res.Disk.DiskMB) return { exhausted: 'disk' };
  const ip = res.Networks[0].IP;
  const ports: Fit['ports'] = [];
  const taken = new Set(usage.ports);
  for (const p of ask.reservedPorts) {
    if (taken.has(p.Value)) {
      return {
        exhausted: `network: reserved port collision ${p.Label}=${p.Value}`,
      };
    }
    taken.add(p.Value);
    ports.push({ Label: p.Label, Value: p.Value, To: p.To ?? 0, HostIP: ip });
  }
  for (const p of ask.dynamicPorts) {
    let value: number | undefined;
    for (let port = res.MinDynamicPort; port <= res.MaxDynamicPort; port++) {
      if (!taken.has(port)) {
        value = port;
        break;
      }
    }
    if (value === undefined)
      return { exhausted: 'network: dynamic port selection failed' };
    taken.add(value);
    ports.push({ Label: p.Label, Value: value, To: p.To ?? 0, HostIP: ip });
  }
  return { ports };
}

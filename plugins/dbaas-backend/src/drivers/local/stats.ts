import { DriverInstanceStats, DriverNodeStats } from '@justmanage/plugin-dbaas-node';
import { readdir, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileIfExists } from './fsUtils';
import { InstanceFiles } from './instanceFiles';
import { nodeId } from './instanceNodes';
import { findLivePid } from './instanceProcess';
import { nodeRuntimes } from './replication/topology';

/**
 * Clock ticks per second of the times in /proc/<pid>/stat. USER_HZ is part
 * of Linux's userspace ABI and is 100 on every architecture we run on, so
 * it is not asked of `getconf` at run time.
 */
const TICKS_PER_SECOND = 100;

/** Folders deeper than this under a data folder are not counted. */
const MAX_DEPTH = 4;

/** utime + stime of a process, in seconds; fields 14 and 15 of its stat line. */
export function processCpuSeconds(pid: number): number | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name before the fields is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks / TICKS_PER_SECOND : undefined;
}

/** VmRSS of a process in bytes; /proc/<pid>/status reports it in kB. */
export function processRssBytes(pid: number): number | undefined {
  const status = readProc(`/proc/${pid}/status`);
  const match = status && /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** procfs lives in memory, so it is read synchronously like processes.ts does. */
function readProc(path: string): string | undefined {
  try {
    return readFileIfExists(path);
  } catch {
    // the process went away between the pid lookup and the read
    return undefined;
  }
}

/** Sum of the sizes of the files under `folder`; 0 when it does not exist. */
export async function folderBytes(folder: string, depth = 0): Promise<number> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  const sizes = await Promise.all(
    entries.map(async entry => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        return depth < MAX_DEPTH ? folderBytes(path, depth + 1) : 0;
      }
      // RDB and AOF files are rewritten by renaming; a file may vanish.
      return entry.isFile()
        ? lstat(path).then(
            s => s.size,
            () => 0,
          )
        : 0;
    }),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * CPU time, resident memory and data folder size of every running node of
 * an instance. A node whose server is not running is left out.
 */
export async function readInstanceStats(
  files: InstanceFiles,
): Promise<DriverInstanceStats> {
  const measuredAt = new Date().toISOString();
  const nodes = await Promise.all(
    nodeRuntimes(files).map(async ({ node, runtime }) => {
      const pid = findLivePid(node.files, runtime);
      if (!pid) return undefined;
      const stats: DriverNodeStats = {
        nodeId: nodeId(files.instanceId, node.name),
        role: node.kind,
        port: runtime.port,
        cpuSeconds: processCpuSeconds(pid),
        memoryRssBytes: processRssBytes(pid),
        diskUsedBytes: await folderBytes(node.files.dataFolder),
      };
      return stats;
    }),
  );
  return {
    instanceId: files.instanceId,
    measuredAt,
    nodes: nodes.filter((n): n is DriverNodeStats => n !== undefined),
  };
}

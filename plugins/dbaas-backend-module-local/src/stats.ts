import { DriverInstanceStats } from '@justmanage/plugin-dbaas-node';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFileIfExists } from './fsUtils';
import { InstanceFiles } from './instanceFiles';
import { nodeId } from './instanceNodes';
import { findLivePid } from './instanceProcess';
import { nodeRuntimes } from './replication/topology';

/**
 * Clock ticks per second of the times in /proc/<pid>/stat. USER_HZ is part
 * of Linux's userspace ABI and is 100 on every architecture we run on.
 */
const TICKS_PER_SECOND = 100;

/** Folders deeper than this under a data folder are not counted. */
const MAX_DEPTH = 4;

/** What one read of /proc/<pid>/stat tells. */
export interface ProcessStat {
  cpuSeconds: number;
  rssBytes: number;
  /** Start time in ticks since boot: with the pid, it names one process. */
  startTicks: number;
}

let pageSize: number | undefined;

/**
 * The kernel's page size, which /proc counts resident memory in: 4 KiB on
 * x86, up to 64 KiB on arm64. Node has no API for it, so it is worked out
 * once from our own resident memory in pages and in bytes.
 */
function pageSizeBytes(): number {
  if (pageSize === undefined) {
    const pages = Number(readProc('/proc/self/statm')?.split(' ')[1]);
    const ratio = process.memoryUsage.rss() / pages;
    pageSize = [4096, 16384, 65536].find(size => ratio < size * 1.5) ?? 4096;
  }
  return pageSize;
}

/** utime + stime (fields 14, 15), start time (22) and rss (24) of a process. */
export function readProcessStat(pid: number): ProcessStat | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name before the fields is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const startTicks = Number(fields[19]);
  const rssPages = Number(fields[21]);
  if (![ticks, startTicks, rssPages].every(Number.isFinite)) return undefined;
  return {
    cpuSeconds: ticks / TICKS_PER_SECOND,
    rssBytes: rssPages * pageSizeBytes(),
    startTicks,
  };
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

/**
 * Sum of the sizes of the files under `folder`; 0 when it does not exist.
 * Synchronous like the control files: it reads metadata only (a data folder
 * holds a handful of RDB and AOF files), which the kernel answers from its
 * inode cache in microseconds, less than an await would cost.
 */
export function folderBytes(folder: string, depth = 0): number {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  let total = 0;
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) total += folderBytes(path, depth + 1);
    } else if (entry.isFile()) {
      // RDB and AOF files are rewritten by renaming; a file may vanish.
      total += lstatSync(path, { throwIfNoEntry: false })?.size ?? 0;
    }
  }
  return total;
}

interface KnownNode {
  nodeId: string;
  role: 'data' | 'sentinel';
  pid: number;
  startTicks: number;
  dataFolder: string;
}

interface KnownInstance {
  nodes: KnownNode[];
  scannedAt: number;
  askedAt: number;
}

/** Options of {@link LocalStatsReader}; the defaults suit a 15 s collector. */
export interface LocalStatsOptions {
  /** How long the nodes found on disk are trusted before looking again. Default 60 s. */
  rescanMs?: number;
}

/**
 * CPU time, resident memory and data folder size of the running nodes of
 * instances. The collector asks every instance every few seconds, so what
 * takes several files to find out (which nodes exist, their pids) is
 * remembered: a call is then one read of /proc/<pid>/stat and a listing
 * of the data folder per node. A node whose process restarted (its pid no
 * longer names a process started at the remembered time) makes the
 * instance be looked at afresh.
 */
export class LocalStatsReader {
  readonly #files: (instanceId: string) => InstanceFiles;
  readonly #rescanMs: number;
  readonly #known = new Map<string, KnownInstance>();
  #sweptAt = Date.now();

  constructor(
    files: (instanceId: string) => InstanceFiles,
    options: LocalStatsOptions = {},
  ) {
    this.#files = files;
    this.#rescanMs = options.rescanMs ?? 60_000;
  }

  read(instanceId: string): DriverInstanceStats {
    const now = Date.now();
    this.#sweep(now);
    const remembered = this.#known.get(instanceId);
    let known = remembered;
    let measured =
      remembered && now - remembered.scannedAt < this.#rescanMs
        ? this.#measure(remembered)
        : undefined;
    if (!measured) {
      known = this.#scan(instanceId, now);
      this.#known.set(instanceId, known);
      measured = this.#measure(known) ?? [];
    }
    known!.askedAt = now;
    return {
      instanceId,
      measuredAt: new Date(now).toISOString(),
      nodes: measured.map(({ node, stat }) => ({
        nodeId: node.nodeId,
        role: node.role,
        cpuSeconds: stat.cpuSeconds,
        memoryRssBytes: stat.rssBytes,
        diskUsedBytes: folderBytes(node.dataFolder),
      })),
    };
  }

  /** The nodes' figures, or undefined once a remembered process is gone. */
  #measure(known: KnownInstance) {
    const measured = [];
    for (const node of known.nodes) {
      const stat = readProcessStat(node.pid);
      if (!stat || stat.startTicks !== node.startTicks) return undefined;
      measured.push({ node, stat });
    }
    return measured;
  }

  /** Looks at the instance's files: which nodes run, with which pids. */
  #scan(instanceId: string, now: number): KnownInstance {
    const nodes: KnownNode[] = [];
    const recorded = nodeRuntimes(this.#files(instanceId));
    for (const { node, runtime } of recorded) {
      const pid = findLivePid(node.files, runtime);
      const stat = pid ? readProcessStat(pid) : undefined;
      if (!pid || !stat) continue;
      nodes.push({
        nodeId: nodeId(instanceId, node.name),
        role: node.kind,
        pid,
        startTicks: stat.startTicks,
        dataFolder: node.files.dataFolder,
      });
    }
    // A node that is down (the supervisor is restarting it) is looked for
    // again at the next call.
    const complete = nodes.length === recorded.length;
    return { nodes, scannedAt: complete ? now : 0, askedAt: now };
  }

  /** Forgets instances nobody asked about for a while, e.g. deleted ones. */
  #sweep(now: number) {
    if (now - this.#sweptAt < this.#rescanMs) return;
    this.#sweptAt = now;
    for (const [id, known] of this.#known) {
      if (now - known.askedAt > 10 * this.#rescanMs) this.#known.delete(id);
    }
  }
}

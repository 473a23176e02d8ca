import { readFileSync, readlinkSync } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';
import { delay, readFileIfExists } from './fsUtils';

/** How a server process is recognised among whatever runs on the host. */
export interface ProcessIdentity {
  confPath: string;
  port: number;
  /** Set when nodes have addresses of their own (loopback addressing). */
  host?: string;
  /**
   * The node's data folder, the server's working directory: it still
   * identifies the server while a port moves (TLS preferred to required),
   * when the title shows the old port.
   */
  dataFolder?: string;
}

/** The pid a pidfile names, if it names one. */
export function readPidFile(path: string): number | undefined {
  const text = readFileIfExists(path);
  const pid = Number.parseInt(text?.trim() ?? '', 10);
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}

/**
 * Whether a pid is a live process. Zombies count as dead: signal 0 still
 * succeeds for them, but they serve nothing. procfs is read synchronously
 * like the control files: it lives in memory.
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') {
      return false;
    }
  }
  let stat: string | undefined;
  try {
    stat = readFileIfExists(`/proc/${pid}/stat`);
  } catch {
    stat = undefined;
  }
  if (stat === undefined) {
    // No procfs (not Linux) or the process just went away.
    return process.platform !== 'linux';
  }
  // The state letter follows the command name, which is in parentheses.
  const state = stat.slice(
    stat.lastIndexOf(')') + 2,
    stat.lastIndexOf(')') + 3,
  );
  return state !== 'Z' && state !== 'X';
}

/**
 * Whether a live pid is really this instance's server and not an unrelated
 * process that inherited a recycled pid. Servers rewrite their title to
 * `redis-server <bind>:<port>`, so the port is what usually identifies them.
 */
export function isInstanceProcess(
  pid: number,
  identity: ProcessIdentity,
): boolean {
  if (!isProcessRunning(pid)) {
    return false;
  }
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return process.platform !== 'linux';
  }
  // With loopback addressing every node shares a port (the machine's own
  // Redis too, at 127.0.0.1), so only host and port together identify one.
  const address = identity.host
    ? `${identity.host.replace(/\./g, '\\.')}:${identity.port}`
    : `:${identity.port}`;
  return (
    cmdline.includes(identity.confPath) ||
    new RegExp(`${address}(?![0-9])`).test(cmdline) ||
    (identity.dataFolder !== undefined && cwdOf(pid) === identity.dataFolder)
  );
}

function cwdOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/** The pid of the instance's live server according to its pidfile. */
export function livePidFromPidFile(
  pidfile: string,
  identity: ProcessIdentity,
): number | undefined {
  const pid = readPidFile(pidfile);
  if (pid !== undefined && isInstanceProcess(pid, identity)) {
    return pid;
  }
  return undefined;
}

/**
 * Servers whose working directory is `folder`. A server chdirs into its
 * data folder, which no other instance shares, so this finds an instance's
 * process even when its pidfile is lost.
 */
export async function findProcessesInFolder(folder: string): Promise<number[]> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if ((await readlink(`/proc/${entry}/cwd`)) === folder) {
        found.push(Number(entry));
      }
    } catch {
      // Gone, or owned by another user: not ours either way.
    }
  }
  return found;
}

/** Polls until a pid is gone; true if it went within `timeoutMs`. */
export async function waitForExit(
  pid: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessRunning(pid)) {
    if (Date.now() >= deadline) return false;
    await delay(20);
  }
  return true;
}

/** SIGTERM, then SIGKILL if the process outlives the grace period. */
export async function terminate(pid: number, graceMs = 5000): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await waitForExit(pid, graceMs)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitForExit(pid, 2000);
}

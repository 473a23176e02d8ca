import { ConflictError } from '@backstage/errors';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { LaunchRequest } from './DaemonLauncher';
import { InstanceFiles } from './instanceFiles';
import { pathExists, readFileIfExists, writeFileAtomic } from './fsUtils';
import {
  AppliedDigests,
  digest,
  InstanceRuntime,
  writeApplied,
} from './instanceState';
import {
  findProcessesInFolder,
  isInstanceProcess,
  livePidFromPidFile,
  ProcessIdentity,
  terminate,
} from './processes';
import { isPortBindable } from './portAllocator';
import { acquireStartLock, START_LOCK_STALE_MS } from './startLock';

/** A healthy server writes its pidfile within milliseconds of the launch. */
const PIDFILE_TIMEOUT_MS = 5000;

function identityOf(
  files: InstanceFiles,
  runtime: InstanceRuntime,
): ProcessIdentity {
  return {
    confPath: files.conf,
    port: runtime.port,
    host: runtime.host,
    dataFolder: files.dataFolder,
  };
}

/** The instance's live server, found through its pidfile. */
export function findLivePid(
  files: InstanceFiles,
  runtime: InstanceRuntime,
): number | undefined {
  return livePidFromPidFile(files.pidfile, identityOf(files, runtime));
}

/** Servers of this instance, also ones whose pidfile was lost. */
async function findAllPids(
  files: InstanceFiles,
  runtime: InstanceRuntime,
): Promise<number[]> {
  const identity = identityOf(files, runtime);
  const pids = new Set<number>();
  const fromPidFile = livePidFromPidFile(files.pidfile, identity);
  if (fromPidFile) pids.add(fromPidFile);
  for (const pid of await findProcessesInFolder(files.dataFolder)) {
    if (isInstanceProcess(pid, identity)) pids.add(pid);
  }
  return [...pids];
}

/** The end of the server's log, which may be long: read without blocking. */
async function logTail(files: InstanceFiles): Promise<string> {
  const log = await readFile(files.logfile, 'utf8').catch(() => '');
  return log.trim().split('\n').slice(-5).join('\n');
}

/** Starts the server and resolves once its pidfile names it. */
async function launchServer(
  files: InstanceFiles,
  runtime: InstanceRuntime,
  launch: (request: LaunchRequest) => Promise<void>,
): Promise<number> {
  let problem: string;
  try {
    await launch({
      file: runtime.binary.path,
      args: runtime.sentinel ? [files.conf, '--sentinel'] : [files.conf],
      pidfile: files.pidfile,
      timeoutMs: PIDFILE_TIMEOUT_MS,
    });
    const pid = findLivePid(files, runtime);
    if (pid) return pid;
    problem = 'its pidfile names no live server';
  } catch (error) {
    problem = (error as Error).message;
  }
  const log = await logTail(files);
  throw new Error(
    `${files.instanceId} did not start: ${problem}${
      log ? `; server log:\n${log}` : ''
    }`,
  );
}

/** What {@link startInstance} found or did. */
export interface StartResult {
  pid: number;
  /** False when a live server was adopted instead. */
  started: boolean;
}

/**
 * Starts the instance's server unless one already runs, under the start
 * lock, and only while spec.json exists: deprovision removes it first, so
 * nothing revives an instance that is being deleted.
 *
 * @returns undefined when the lock is busy (`waitMs` elapsed) or the
 * instance is being deleted and `quiet` is set.
 */
export async function startInstance(
  files: InstanceFiles,
  runtime: InstanceRuntime,
  options: {
    /** The node's bind address, to tell whether its port is taken. */
    host: string;
    waitMs: number;
    quiet?: boolean;
    /** Starts the server and resolves once it listens; see DaemonLauncher. */
    launch: (request: LaunchRequest) => Promise<void>;
    /** Digests of the files just written, which spares reading them again. */
    applied?: AppliedDigests;
  },
): Promise<StartResult | undefined> {
  const gone = () => {
    if (options.quiet) return undefined;
    throw new ConflictError(`Instance ${files.instanceId} is being deleted`);
  };
  let release: (() => void) | undefined;
  try {
    release = await acquireStartLock(files.startLock, options.waitMs);
  } catch {
    return gone();
  }
  if (!release) {
    if (options.quiet) return undefined;
    throw new ConflictError(
      `Instance ${files.instanceId} is being started by another backend`,
    );
  }
  try {
    if (!pathExists(files.spec)) {
      return gone();
    }
    const live = findLivePid(files, runtime);
    if (live) {
      return { pid: live, started: false };
    }
    // A free port proves no server of this instance runs, which spares
    // the slower search through /proc on every ordinary start.
    if (!(await isPortBindable(options.host, runtime.port))) {
      const [adopted] = await findAllPids(files, runtime);
      if (!adopted) {
        throw new ConflictError(
          `Port ${runtime.port} of instance ${files.instanceId} is taken by a process that is not its server`,
        );
      }
      // A server that lost its pidfile still holds the port; record it
      // rather than launching a second one that would fail to bind.
      writeFileAtomic(files.pidfile, `${adopted}\n`, 0o644);
      return { pid: adopted, started: false };
    }
    const applied = options.applied ?? {
      conf: digest(readFileSync(files.conf, 'utf8')),
      // Sentinels keep their users in their own config file.
      acl: digest(readFileIfExists(files.acl) ?? ''),
    };
    // The launcher takes the pidfile's appearance as the sign of life.
    rmSync(files.pidfile, { force: true });
    mkdirSync(files.dataFolder, { recursive: true });
    const pid = await launchServer(files, runtime, options.launch);
    writeApplied(files, applied);
    return { pid, started: true };
  } finally {
    release();
  }
}

/**
 * Stops every server of the instance. Waits for the start lock long enough
 * to outlast a stale one, then stops regardless: deleting must not hang
 * behind a backend that died holding the lock.
 */
export async function stopInstance(
  files: InstanceFiles,
  runtime: InstanceRuntime,
): Promise<void> {
  let release: (() => void) | undefined;
  try {
    release = await acquireStartLock(
      files.startLock,
      START_LOCK_STALE_MS + 1000,
    );
  } catch {
    // The folder is gone; any stray server is still found by its port.
  }
  try {
    for (const pid of await findAllPids(files, runtime)) {
      await terminate(pid);
    }
  } finally {
    release?.();
  }
}

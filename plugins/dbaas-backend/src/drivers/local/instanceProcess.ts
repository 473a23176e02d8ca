import { ConflictError } from '@backstage/errors';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { InstanceFiles } from './instanceFiles';
import {
  delay,
  pathExists,
  readFileIfExists,
  writeFileAtomic,
} from './fsUtils';
import { digest, InstanceRuntime, writeApplied } from './instanceState';
import {
  findProcessesInFolder,
  isInstanceProcess,
  launchDaemon,
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
  return { confPath: files.conf, port: runtime.port };
}

/** The instance's live server, found through its pidfile. */
export function findLivePid(
  files: InstanceFiles,
  runtime: InstanceRuntime,
): Promise<number | undefined> {
  return livePidFromPidFile(files.pidfile, identityOf(files, runtime));
}

/** Servers of this instance, also ones whose pidfile was lost. */
async function findAllPids(
  files: InstanceFiles,
  runtime: InstanceRuntime,
): Promise<number[]> {
  const identity = identityOf(files, runtime);
  const pids = new Set<number>();
  const fromPidFile = await livePidFromPidFile(files.pidfile, identity);
  if (fromPidFile) pids.add(fromPidFile);
  for (const pid of await findProcessesInFolder(files.dataFolder)) {
    if (await isInstanceProcess(pid, identity)) pids.add(pid);
  }
  return [...pids];
}

async function logTail(files: InstanceFiles): Promise<string> {
  const log = (await readFileIfExists(files.logfile)) ?? '';
  return log.trim().split('\n').slice(-5).join('\n');
}

async function waitForServer(
  files: InstanceFiles,
  runtime: InstanceRuntime,
): Promise<number> {
  const deadline = Date.now() + PIDFILE_TIMEOUT_MS;
  for (;;) {
    const pid = await findLivePid(files, runtime);
    if (pid) return pid;
    if (Date.now() >= deadline) {
      throw new Error(
        `${
          files.instanceId
        } did not start within ${PIDFILE_TIMEOUT_MS} ms; server log:\n${await logTail(
          files,
        )}`,
      );
    }
    // The server writes its pidfile only after binding its port.
    await delay(5);
  }
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
    /** The bind address, to tell whether the port is taken. */
    host: string;
    waitMs: number;
    quiet?: boolean;
    /** How to run the daemonizing binary; see DaemonLauncher. */
    launch?: (binary: string, confPath: string) => Promise<void>;
  },
): Promise<StartResult | undefined> {
  const gone = () => {
    if (options.quiet) return undefined;
    throw new ConflictError(`Instance ${files.instanceId} is being deleted`);
  };
  let release: (() => Promise<void>) | undefined;
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
    if (!(await pathExists(files.spec))) {
      return gone();
    }
    const live = await findLivePid(files, runtime);
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
      await writeFileAtomic(files.pidfile, `${adopted}\n`, 0o644);
      return { pid: adopted, started: false };
    }
    const conf = await readFile(files.conf, 'utf8');
    const acl = await readFile(files.acl, 'utf8');
    await rm(files.pidfile, { force: true });
    await mkdir(files.dataFolder, { recursive: true });
    await (options.launch ?? launchDaemon)(runtime.binary.path, files.conf);
    const pid = await waitForServer(files, runtime);
    await writeApplied(files, { conf: digest(conf), acl: digest(acl) });
    return { pid, started: true };
  } finally {
    await release();
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
  let release: (() => Promise<void>) | undefined;
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
    await release?.();
  }
}

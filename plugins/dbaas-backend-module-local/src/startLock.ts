import { hostname } from 'node:os';
import { closeSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { delay } from './fsUtils';

/** A lock older than this was left by a backend that died holding it. */
export const START_LOCK_STALE_MS = 10_000;

/** Raised when the instance folder disappeared: it is being deleted. */
export class InstanceFolderGoneError extends Error {
  name = 'InstanceFolderGoneError';
}

/** Synchronous like the other control files; see fsUtils. */
function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(
        fd,
        `${hostname()} ${process.pid} ${new Date().toISOString()}\n`,
      );
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') throw new InstanceFolderGoneError(path);
    throw error;
  }
}

function removeIfStale(path: string): void {
  try {
    const info = statSync(path);
    if (Date.now() - info.mtimeMs > START_LOCK_STALE_MS) {
      unlinkSync(path);
    }
  } catch {
    // Released meanwhile: the next attempt will tell.
  }
}

/**
 * Takes the instance's start lock. Every backend sharing the data dir
 * starts and stops servers only under it, which is what keeps two of them
 * from launching a second server for one instance.
 *
 * With `waitMs` 0 it gives up at once when the lock is held (the
 * supervisor simply tries again on its next round).
 *
 * @returns a release function, or undefined when the lock was not taken.
 */
export async function acquireStartLock(
  path: string,
  waitMs: number,
): Promise<(() => void) | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (tryCreate(path)) {
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // Already gone: a deprovision removed the folder.
        }
      };
    }
    removeIfStale(path);
    if (Date.now() >= deadline) return undefined;
    await delay(10);
  }
}

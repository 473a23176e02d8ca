import { randomBytes } from 'node:crypto';
import {
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';

/*
 * The driver's control files (config, ACL, spec, runtime, pidfile, claims
 * and locks) are a few hundred bytes each in the instance's folder on the
 * local disk, so they are read and written synchronously. Such a syscall
 * takes microseconds; an await costs more CPU than that and hands the
 * backend's event loop to every request that is waiting, so a new server
 * would start only once those were served. Data files, folder scans and
 * waits stay asynchronous.
 */

/**
 * Writes a file so readers (a server reloading its ACL, another backend)
 * see either the old or the new content, never a half-written one.
 */
export function writeFileAtomic(
  path: string,
  content: string,
  mode = 0o600,
): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, content, { mode });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Whether a path exists; used where absence is an answer, not an error. */
export function pathExists(path: string): boolean {
  return existsSync(path);
}

/** Reads a text file, or undefined when it does not exist. */
export function readFileIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/** Reads a JSON file, or undefined when it is missing or unparsable. */
export function readJsonIfExists<T>(path: string): T | undefined {
  const text = readFileIfExists(path);
  if (text === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    // A torn file cannot happen with writeFileAtomic; treat anything else as absent.
    return undefined;
  }
}

/** Resolves after `ms`; used only by polling loops. */
export function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

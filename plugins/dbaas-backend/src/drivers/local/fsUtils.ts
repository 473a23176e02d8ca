import { randomBytes } from 'node:crypto';
import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes a file so readers (a server reloading its ACL, another backend)
 * see either the old or the new content, never a half-written one.
 */
export async function writeFileAtomic(
  path: string,
  content: string,
  mode = 0o600,
): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content, { mode });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Whether a path exists; used where absence is an answer, not an error. */
export function pathExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Reads a text file, or undefined when it does not exist. */
export async function readFileIfExists(
  path: string,
): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/** Reads a JSON file, or undefined when it is missing or unparsable. */
export async function readJsonIfExists<T>(
  path: string,
): Promise<T | undefined> {
  const text = await readFileIfExists(path);
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

import { readdir, readlink } from 'node:fs/promises';

/**
 * Live processes whose working directory is under `folder`: every Redis a
 * test platform started there (a server chdirs into its data folder), so a
 * test can prove it left none behind.
 * @public
 */
export async function serverPidsUnder(folder: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await readlink(`/proc/${entry}/cwd`)).startsWith(`${folder}/`)) {
        pids.push(Number(entry));
      }
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** Fails when a test left a server running under `folder`. @public */
export async function assertNoServersUnder(folder: string): Promise<void> {
  const left = await serverPidsUnder(folder);
  if (left.length > 0) {
    throw new Error(`Servers left running under ${folder}: ${left.join(', ')}`);
  }
}

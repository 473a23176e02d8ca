import { readdir, readFile, readlink } from 'node:fs/promises';
import { relative, sep } from 'node:path';

const SERVER_NAMES = /^(redis|valkey)-server/;

async function readOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The state letter of /proc/<pid>/stat; it follows the parenthesised name. */
function processState(stat: string): string {
  const end = stat.lastIndexOf(')');
  return stat.slice(end + 2, end + 3);
}

/**
 * The live redis-server / valkey-server processes working inside `dataDir`,
 * by instance id: a local-driver server chdirs into `<dataDir>/<id>/data`.
 * Zombies are left out (nothing on this machine reaps orphans). Pass the
 * real path of the data dir, as /proc reports resolved paths.
 */
export async function redisProcesses(
  dataDir: string,
): Promise<Map<string, number[]>> {
  const byInstance = new Map<string, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cwd: string;
    try {
      cwd = await readlink(`/proc/${entry}/cwd`);
    } catch {
      continue; // gone, or a zombie, which has no cwd
    }
    const inside = relative(dataDir, cwd);
    if (!inside || inside.startsWith('..') || inside.startsWith(sep)) continue;
    const comm = (await readOrUndefined(`/proc/${entry}/comm`))?.trim() ?? '';
    const stat = await readOrUndefined(`/proc/${entry}/stat`);
    if (
      !SERVER_NAMES.test(comm) ||
      !stat ||
      ['Z', 'X'].includes(processState(stat))
    ) {
      continue;
    }
    const instanceId = inside.split(sep)[0];
    byInstance.set(instanceId, [
      ...(byInstance.get(instanceId) ?? []),
      Number(entry),
    ]);
  }
  return byInstance;
}

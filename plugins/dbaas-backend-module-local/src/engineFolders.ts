import { constants as fsConstants } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The launchers an engine folder may hold, as scripts/install-engines.sh writes them. */
const LAUNCHERS = ['bin/redis-server', 'bin/valkey-server'];

async function launchersIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const launcher of LAUNCHERS) {
    const path = join(folder, launcher);
    try {
      await access(path, fsConstants.X_OK);
      found.push(path);
    } catch {
      // not this engine
    }
  }
  return found;
}

/**
 * The server binaries of configured engine folders. Each entry is an engine
 * folder itself or a folder of them (such as /opt/justmanage/engines);
 * hidden entries are skipped, as an installation in progress is one.
 * A folder that does not exist yields nothing.
 */
export async function findEngineFolderBinaries(
  dirs: string[],
): Promise<string[]> {
  const binaries: string[] = [];
  for (const dir of dirs) {
    const own = await launchersIn(dir);
    if (own.length) {
      binaries.push(...own);
      continue;
    }
    let entries: string[];
    try {
      entries = (await readdir(dir, { withFileTypes: true }))
        .filter(e => e.isDirectory() && !e.name.startsWith('.'))
        .map(e => e.name)
        .sort();
    } catch {
      continue;
    }
    for (const entry of entries) {
      binaries.push(...(await launchersIn(join(dir, entry))));
    }
  }
  return binaries;
}

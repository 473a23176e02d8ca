import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harvestFolder, keepSqliteFilesUnder } from './sweepArtifacts';

/** A new folder under the OS temp dir, as a real path (what /proc shows). */
export async function makeTempDir(prefix: string): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}

/**
 * Removes a test's folder; when the secrets sweep runs, first reads the
 * secrets its instances' folders still hold and keeps its SQLite files.
 */
export async function removeDir(path: string): Promise<void> {
  await harvestFolder(path);
  await keepSqliteFilesUnder(path);
  await rm(path, { recursive: true, force: true });
}

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { Json } from '../model';

const run = promisify(execFile);

/**
 * Fetches an artifact the way go-getter does for Nomad: from an http(s)
 * URL or a local path, checked against `checksum` (`type:hex`) when given,
 * and unpacked when it is a tarball. Errors carry go-getter's words.
 */
export async function fetchArtifact(
  artifact: Json,
  taskDir: string,
): Promise<void> {
  const source: string = artifact.GetterSource;
  const dest = join(taskDir, artifact.RelativeDest ?? 'local/');
  await mkdir(dest, { recursive: true });
  let bytes: Buffer;
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok)
      throw new Error(`GET error: bad response code: ${response.status}`);
    bytes = Buffer.from(await response.arrayBuffer());
  } else {
    bytes = await readFile(source.replace(/^file:\/\//, ''));
  }
  const name = basename(new URL(source, 'file:///').pathname);
  const checksum: string | undefined = artifact.GetterOptions?.checksum;
  if (checksum) {
    const [type, expected] = checksum.includes(':')
      ? checksum.split(':', 2)
      : ['sha256', checksum];
    const got = createHash(type).update(bytes).digest('hex');
    if (got !== expected.toLowerCase()) {
      throw new Error(
        `Checksums did not match for ${name}.\nExpected: ${expected}\nGot: ${got}`,
      );
    }
  }
  const file = join(dest, name);
  await writeFile(file, bytes);
  if (
    /\.(tar\.gz|tgz)$/.test(name) &&
    artifact.GetterOptions?.archive !== 'false'
  ) {
    await run('tar', ['-xzf', file, '-C', dest]);
  }
}

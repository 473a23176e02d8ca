import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** SHA-256 in hex of a file, read as a stream. @public */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Throws unless the file's SHA-256 is `expected`: a tarball damaged in a
 * store or on the way to a host is never unpacked.
 * @public
 */
export async function verifyArtifact(
  path: string,
  expected: string,
): Promise<void> {
  const actual = await sha256OfFile(path);
  if (actual !== expected.toLowerCase()) {
    throw new Error(
      `Artifact ${path} fails its checksum: SHA-256 ${actual}, the manifest says ${expected}`,
    );
  }
}

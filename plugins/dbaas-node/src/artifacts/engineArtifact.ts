import type { Engine } from '@justmanage/plugin-dbaas-common';

/**
 * What an engine tarball holds and how to check it, written beside it as
 * `<name>.manifest.json`. A host or an allocation unpacks the tarball into
 * any folder and runs `bin/<server>`; the libraries come with it, so only
 * a C library at least as new as `glibc` is needed there.
 * @public
 */
export interface EngineArtifactManifest {
  engine: Engine;
  /** The build as the version catalog names it, e.g. `7.0.15+deb12u7`. */
  version: string;
  /** As `uname -m` says it, e.g. `x86_64`. */
  arch: string;
  /** The tarball's file name, e.g. `redis-7.0.15+deb12u7-x86_64.tar.gz`. */
  file: string;
  /** SHA-256 in hex of the tarball. */
  sha256: string;
  sizeBytes: number;
  /** Entry points in the tarball, relative to its root. */
  server: string;
  cli: string;
  sentinel: string;
  /** The shared libraries shipped in `lib/`. */
  libraries: string[];
  /** The oldest GNU C library the binaries need (from their symbol versions). */
  glibc: string;
  /** Where it was built from: the Debian packages' folder. */
  builtFrom: string;
  builtAt: string;
}

/** The tarball's name for a build. @public */
export function engineArtifactName(
  engine: Engine,
  version: string,
  arch: string,
): string {
  return `${engine}-${version}-${arch}.tar.gz`;
}

import { InputError } from '@backstage/errors';
import { Config } from '@backstage/config';
import { NomadArtifact } from './client';

/** A tarball of an engine build that clients fetch, checked before it is unpacked. */
export interface NomadEngineArtifact {
  /** An http(s) URL (or a path on the clients), e.g. a release tarball. */
  source: string;
  /** `<type>:<hex>`, as go-getter takes it: sha256, sha512, sha1 or md5. */
  checksum: string;
}

const CHECKSUM = /^(sha256|sha512|sha1|md5):[0-9a-f]+$/i;

/** Where the tarball is unpacked; an engine's `command` names its binary under `${NOMAD_TASK_DIR}/engine/`. */
export const ENGINE_ARTIFACT_DEST = 'local/engine/';

/** Reads `engines[].artifact`; a missing or malformed checksum is refused, never skipped. */
export function readEngineArtifact(
  engine: Config,
  key: string,
): NomadEngineArtifact | undefined {
  const artifact = engine.getOptionalConfig('artifact');
  if (!artifact) return undefined;
  const checksum = artifact.getString('checksum');
  if (!CHECKSUM.test(checksum)) {
    throw new InputError(
      `${key}.artifact.checksum must be <sha256|sha512|sha1|md5>:<hex>, got ${checksum}`,
    );
  }
  return { source: artifact.getString('source'), checksum };
}

/** The task's `Artifacts`: Nomad fetches, checks and unpacks the build before the task starts. */
export function engineArtifacts(artifact: NomadEngineArtifact | undefined): {
  Artifacts?: NomadArtifact[];
} {
  if (!artifact) return {};
  return {
    Artifacts: [
      {
        GetterSource: artifact.source,
        GetterOptions: { checksum: artifact.checksum },
        RelativeDest: ENGINE_ARTIFACT_DEST,
      },
    ],
  };
}

/*
 * Builds the relocatable engine tarballs the VM driver and Nomad's exec
 * tasks install (see docs/artifacts.md): one per engine build under
 * JUSTMANAGE_ENGINES_DIR (default /opt/justmanage/engines), written with
 * its manifest into the folder given as the first argument (default
 * var/artifacts). Prints each tarball with its size and SHA-256.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildEngineArtifact } from '@justmanage/plugin-dbaas-node';

async function main() {
  const enginesDir =
    process.env.JUSTMANAGE_ENGINES_DIR ?? '/opt/justmanage/engines';
  const outDir = resolve(process.argv[2] ?? 'var/artifacts');
  const builds = (await readdir(enginesDir))
    .filter(name => /^(redis|valkey)-/.test(name))
    .sort();
  for (const build of builds) {
    const manifest = await buildEngineArtifact(join(enginesDir, build), outDir);
    console.log(
      `${manifest.file}  ${(manifest.sizeBytes / 1e6).toFixed(1)} MB  sha256 ${
        manifest.sha256
      }  needs glibc >= ${manifest.glibc}`,
    );
  }
  console.log(`${builds.length} artifacts in ${outDir}`);
}

main().catch(error => {
  console.error(error.message ?? error);
  process.exit(1);
});

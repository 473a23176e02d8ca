import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  realpath,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { arch as osArch, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Engine } from '@justmanage/plugin-dbaas-common';
import { EngineArtifactManifest, engineArtifactName } from './engineArtifact';
import { sha256OfFile } from './verifyArtifact';

const run = promisify(execFile);

/** The C library and the loader: every Linux host has its own, and must. */
const FROM_THE_HOST =
  /^(linux-vdso|libc\.so|libm\.so|libpthread\.so|libdl\.so|librt\.so|ld-linux)/;

/** The shared libraries a binary loads, by soname and resolved path. */
async function librariesOf(binary: string, libraryPath: string) {
  const { stdout } = await run('ldd', [binary], {
    env: { ...process.env, LD_LIBRARY_PATH: libraryPath },
  });
  const found = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const match = line.trim().match(/^(\S+) => (\S+) \(/);
    if (!match) {
      if (/not found/.test(line)) {
        throw new Error(
          `${binary} needs a library that is missing: ${line.trim()}`,
        );
      }
      continue;
    }
    if (!FROM_THE_HOST.test(match[1])) found.set(match[1], match[2]);
  }
  return found;
}

/** The newest GLIBC_x.y symbol version a binary refers to. */
async function glibcNeeded(binaries: string[]): Promise<string> {
  let newest = [0, 0];
  for (const binary of binaries) {
    const text = (await readFile(binary)).toString('latin1');
    for (const [, major, minor] of text.matchAll(/GLIBC_(\d+)\.(\d+)/g)) {
      const version = [Number(major), Number(minor)];
      if (
        version[0] > newest[0] ||
        (version[0] === newest[0] && version[1] > newest[1])
      ) {
        newest = version;
      }
    }
  }
  return newest.join('.');
}

function wrapper(target: string, trailingArgs = ''): string {
  // The folder the tarball was unpacked into, wherever that is.
  return `#!/bin/sh
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
LD_LIBRARY_PATH="$root/lib" exec "$root/libexec/${target}" "$@"${trailingArgs}
`;
}

/**
 * Builds the relocatable tarball of an engine build installed as Debian
 * packages unpacked into `engineDir` (scripts/install-engines.sh lays them
 * out as `<engine>-<version>/usr/...`): the server and the CLI, every
 * shared library they load but the C library, and wrappers in `bin/` that
 * point the loader at them. Writes `<name>.tar.gz` and
 * `<name>.manifest.json` into `outDir`; the same input gives the same
 * bytes (sorted, owner 0, time 0).
 * @public
 */
export async function buildEngineArtifact(
  engineDir: string,
  outDir: string,
): Promise<EngineArtifactManifest> {
  const folder = basename(engineDir);
  const match = folder.match(/^(redis|valkey)-(.+)$/);
  if (!match) {
    throw new Error(
      `${engineDir} is not an engine build folder named <redis|valkey>-<version>`,
    );
  }
  const engine = match[1] as Engine;
  const version = match[2];
  const arch = osArch() === 'x64' ? 'x86_64' : osArch();
  const libraryPath = join(engineDir, 'usr/lib/x86_64-linux-gnu');
  const binaries = {
    server: await realpath(join(engineDir, `usr/bin/${engine}-server`)),
    cli: await realpath(join(engineDir, `usr/bin/${engine}-cli`)),
  };
  const stage = await mkdtemp(join(tmpdir(), 'engine-artifact-'));
  try {
    const root = join(stage, `${engine}-${version}`);
    for (const dir of ['bin', 'libexec', 'lib']) {
      await mkdir(join(root, dir), { recursive: true });
    }
    const libraries = new Map<string, string>();
    for (const binary of Object.values(binaries)) {
      for (const [soname, path] of await librariesOf(binary, libraryPath)) {
        libraries.set(soname, path);
      }
    }
    for (const [soname, path] of libraries) {
      await copyFile(await realpath(path), join(root, 'lib', soname));
    }
    await copyFile(binaries.server, join(root, `libexec/${engine}-server`));
    await copyFile(binaries.cli, join(root, `libexec/${engine}-cli`));
    const entries = {
      server: `bin/${engine}-server`,
      cli: `bin/${engine}-cli`,
      sentinel: `bin/${engine}-sentinel`,
    };
    await writeFile(join(root, entries.server), wrapper(`${engine}-server`));
    await writeFile(join(root, entries.cli), wrapper(`${engine}-cli`));
    // Sentinel is the server given its config file, then --sentinel.
    await writeFile(
      join(root, entries.sentinel),
      wrapper(`${engine}-server`, ' --sentinel'),
    );
    for (const entry of Object.values(entries)) {
      await chmod(join(root, entry), 0o755);
    }
    await chmod(join(root, `libexec/${engine}-server`), 0o755);
    await chmod(join(root, `libexec/${engine}-cli`), 0o755);

    const file = engineArtifactName(engine, version, arch);
    await mkdir(outDir, { recursive: true });
    const tarball = join(outDir, file);
    await run(
      'tar',
      [
        '--sort=name',
        '--owner=0',
        '--group=0',
        '--numeric-owner',
        '--mtime=@0',
        '-C',
        stage,
        '-czf',
        tarball,
        `${engine}-${version}`,
      ],
      { env: { ...process.env, GZIP: '-n' } },
    );
    const manifest: EngineArtifactManifest = {
      engine,
      version,
      arch,
      file,
      sha256: await sha256OfFile(tarball),
      sizeBytes: (await stat(tarball)).size,
      ...entries,
      libraries: [...libraries.keys()].sort(),
      glibc: await glibcNeeded(Object.values(binaries)),
      builtFrom: engineDir,
      builtAt: new Date().toISOString(),
    };
    await writeFile(
      join(outDir, file.replace(/\.tar\.gz$/, '.manifest.json')),
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    return manifest;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

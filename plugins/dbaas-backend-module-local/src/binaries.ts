import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  compareVersions as compareEngineVersions,
  Engine,
  splitEngineVersion,
} from '@justmanage/plugin-dbaas-common';
import { execFile } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { detectDebianBuild } from './debianBuild';
import { findEngineFolderBinaries } from './engineFolders';

const execFileAsync = promisify(execFile);

/** An engine binary whose engine and version were read from the binary itself. */
export interface EngineBinary {
  engine: Engine;
  version: string;
  /** The path to run. */
  path: string;
  /**
   * Found on PATH: the machine's own package. A plain version such as
   * "7.0.15" names this build when it carries that upstream release.
   */
  fromPath?: boolean;
}

/**
 * Where a binary's symlinks lead, to list it once. Only for comparison:
 * Debian's redis-server links to redis-check-rdb, which picks its role by
 * the name it was started with, so binaries are run by their own path.
 */
interface ProbedBinary extends EngineBinary {
  target: string;
}

/** Names looked up on PATH in addition to configured binaries. */
const PATH_BINARIES = ['redis-server', 'valkey-server'];

/**
 * Reads engine and version from `--version` output such as
 * `Redis server v=7.0.15 sha=...` or `Valkey server v=8.0.1 ...`.
 */
export function parseServerVersion(
  output: string,
): { engine: Engine; version: string } | undefined {
  const match = /^(Redis|Valkey) server v=(\d+\.\d+\.\d+)/im.exec(output);
  if (!match) {
    return undefined;
  }
  return {
    engine: match[1].toLowerCase() as Engine,
    version: match[2],
  };
}

async function findOnPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // not in this PATH entry
    }
  }
  return undefined;
}

async function probe(
  path: string,
  logger: LoggerService,
): Promise<ProbedBinary | undefined> {
  try {
    const target = await realpath(path);
    const { stdout } = await execFileAsync(path, ['--version'], {
      timeout: 5000,
    });
    const parsed = parseServerVersion(stdout);
    if (!parsed) {
      logger.warn(
        `Skipping engine binary ${path}: unrecognised --version output`,
      );
      return undefined;
    }
    const build = await detectDebianBuild(path, parsed.engine, parsed.version);
    return {
      engine: parsed.engine,
      version: build ? `${parsed.version}+${build}` : parsed.version,
      path,
      target,
    };
  } catch (error) {
    logger.warn(`Skipping engine binary ${path}: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Finds the engine binaries this host can run: configured paths, then the
 * launchers of engine folders, then PATH. The first of two binaries with the
 * same engine and version wins, so an operator's explicit choice beats
 * whatever PATH holds.
 */
export async function detectBinaries(
  configuredPaths: string[],
  logger: LoggerService,
  engineDirs: string[] = [],
): Promise<EngineBinary[]> {
  const candidates = [
    ...configuredPaths,
    ...(await findEngineFolderBinaries(engineDirs)),
  ];
  const onPath = new Set<string>();
  for (const name of PATH_BINARIES) {
    const found = await findOnPath(name);
    if (found) {
      candidates.push(found);
      onPath.add(found);
    } else {
      logger.info(`Local driver: ${name} not found on PATH`);
    }
  }

  const probed = await Promise.all(candidates.map(p => probe(p, logger)));
  const binaries: Array<ProbedBinary & { fromPath: boolean }> = [];
  for (const binary of probed) {
    if (!binary) continue;
    const fromPath = onPath.has(binary.path);
    const same = binaries.find(
      b =>
        b.target === binary.target ||
        (b.engine === binary.engine && b.version === binary.version),
    );
    if (same) {
      same.fromPath ||= fromPath;
      continue;
    }
    binaries.push({ ...binary, fromPath });
    logger.info(
      `Local driver: ${binary.engine} ${binary.version} at ${binary.path}`,
    );
  }
  return binaries.map(({ engine, version, path, fromPath }) => ({
    engine,
    version,
    path,
    ...(fromPath ? { fromPath } : {}),
  }));
}

/**
 * Orders versions numerically, so 7.10.0 sorts after 7.9.0, and a Debian
 * build after its plain upstream version (7.0.15 < 7.0.15+deb12u7 <
 * 7.0.15+deb12u10).
 */
export const compareVersions = compareEngineVersions;

/**
 * The binary for a requested engine and version:
 * - an exact version ("7.0.15+deb12u7") names that build;
 * - a plain version ("7.0.15") names the build found on PATH when it
 *   carries that release, else the newest build of it (instances created
 *   before builds were told apart keep running on the machine's package);
 * - a partial version ("7.0") picks the newest matching release.
 */
export function pickBinary(
  binaries: EngineBinary[],
  engine: Engine,
  version: string,
): EngineBinary {
  const ofEngine = binaries.filter(b => b.engine === engine);
  const exact = ofEngine.find(b => b.version === version);
  if (exact) return exact;
  const { upstream, build } = splitEngineVersion(version);
  const matching =
    build !== undefined
      ? []
      : ofEngine
          .filter(b => {
            const release = splitEngineVersion(b.version).upstream;
            return release === upstream || release.startsWith(`${upstream}.`);
          })
          .sort((a, b) => compareVersions(b.version, a.version));
  if (matching.length === 0) {
    const available = binaries.map(b => `${b.engine} ${b.version}`).join(', ');
    throw new InputError(
      `The local driver has no ${engine} ${version} binary; available: ${
        available || 'none'
      }`,
    );
  }
  const newestRelease = splitEngineVersion(matching[0].version).upstream;
  return (
    matching.find(
      b =>
        b.fromPath && splitEngineVersion(b.version).upstream === newestRelease,
    ) ?? matching[0]
  );
}

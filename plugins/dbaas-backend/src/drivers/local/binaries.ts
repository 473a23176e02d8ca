import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { Engine } from '@justmanage/plugin-dbaas-common';
import { execFile } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** An engine binary whose engine and version were read from the binary itself. */
export interface EngineBinary {
  engine: Engine;
  version: string;
  /** The path to run. */
  path: string;
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
    return { ...parsed, path, target };
  } catch (error) {
    logger.warn(`Skipping engine binary ${path}: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Finds the engine binaries this host can run. Configured paths come first
 * so that an operator's explicit choice wins over whatever PATH holds when
 * both report the same engine and version.
 */
export async function detectBinaries(
  configuredPaths: string[],
  logger: LoggerService,
): Promise<EngineBinary[]> {
  const candidates = [...configuredPaths];
  for (const name of PATH_BINARIES) {
    const found = await findOnPath(name);
    if (found) {
      candidates.push(found);
    } else {
      logger.info(`Local driver: ${name} not found on PATH`);
    }
  }

  const probed = await Promise.all(candidates.map(p => probe(p, logger)));
  const binaries: ProbedBinary[] = [];
  for (const binary of probed) {
    if (
      binary &&
      !binaries.some(
        b =>
          b.target === binary.target ||
          (b.engine === binary.engine && b.version === binary.version),
      )
    ) {
      binaries.push(binary);
      logger.info(
        `Local driver: ${binary.engine} ${binary.version} at ${binary.path}`,
      );
    }
  }
  return binaries.map(({ engine, version, path }) => ({
    engine,
    version,
    path,
  }));
}

/** Orders versions numerically, so 7.10.0 sorts after 7.9.0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The binary for a requested engine and version. A partial version such as
 * `7.0` picks the newest matching patch release.
 */
export function pickBinary(
  binaries: EngineBinary[],
  engine: Engine,
  version: string,
): EngineBinary {
  const matching = binaries
    .filter(
      b =>
        b.engine === engine &&
        (b.version === version || b.version.startsWith(`${version}.`)),
    )
    .sort((a, b) => compareVersions(b.version, a.version));
  if (matching.length === 0) {
    const available = binaries.map(b => `${b.engine} ${b.version}`).join(', ');
    throw new InputError(
      `The local driver has no ${engine} ${version} binary; available: ${
        available || 'none'
      }`,
    );
  }
  return matching[0];
}

import { Engine } from '@justmanage/plugin-dbaas-common';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Splits a Debian package version into the upstream release and the build
 * the local driver reports after a plus sign:
 * "5:6.0.16-1+deb11u2" -> 6.0.16 + deb11u2, "5:7.0.15-1~deb12u10" ->
 * 7.0.15 + deb12u10, "8.0.1+dfsg1-1~bpo12+1" -> 8.0.1 + bpo12.1 (a plus
 * sign cannot appear inside a build), "7.0.15-1" -> 7.0.15 + debian.1.
 * scripts/install-engines.sh names engine folders the same way.
 */
export function parseDebianVersion(
  debianVersion: string,
): { upstream: string; build: string } | undefined {
  const match = /^(?:\d+:)?(\d+\.\d+\.\d+)[^-]*-([0-9A-Za-z.+~]+)$/.exec(
    debianVersion.trim(),
  );
  if (!match) return undefined;
  const revision = match[2];
  const suffix = /[~+](.+)$/.exec(revision);
  const build = suffix
    ? suffix[1].replace(/[+~]/g, '.')
    : `debian.${revision.replace(/[+~]/g, '.')}`;
  return { upstream: match[1], build };
}

/** The Version of an installed package in a dpkg status file. */
function versionInStatus(status: string, pkg: string): string | undefined {
  for (const paragraph of status.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of paragraph.split('\n')) {
      const colon = line.indexOf(':');
      if (colon > 0 && !/^\s/.test(line)) {
        fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
      }
    }
    const state = fields.get('Status');
    // Engine folders hold unpacked packages with no Status field at all.
    if (
      fields.get('Package') === pkg &&
      (state === undefined || state.endsWith(' installed'))
    ) {
      return fields.get('Version');
    }
  }
  return undefined;
}

/** The version in the first line of a Debian changelog: "redis (5:7.0.15-1~deb12u10) ...". */
function versionInChangelog(changelogGz: Buffer): string | undefined {
  const head = gunzipSync(changelogGz).toString('utf8', 0, 512);
  return /^\S+ \(([^)]+)\)/.exec(head)?.[1];
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * The tree a binary was unpacked into: `<root>/usr/bin/<name>` (a package
 * installed on the machine, root "/") or `<root>/bin/<name>` (the launcher
 * scripts/install-engines.sh writes into an engine folder). Anything else,
 * such as /usr/local/bin or a test's wrapper, belongs to no package.
 */
function packageRootOf(binaryPath: string): string | undefined {
  const folder = dirname(binaryPath);
  if (basename(folder) !== 'bin') return undefined;
  const parent = dirname(folder);
  return basename(parent) === 'usr' ? dirname(parent) : parent;
}

/**
 * The Debian build of an engine binary, read from the package metadata of
 * the tree it sits in: `<root>/var/lib/dpkg/status` (the machine's, or the
 * one scripts/install-engines.sh writes into an engine folder), else the
 * package's changelog under `<root>/usr/share/doc`. A build is only believed
 * when its upstream release is the one the binary itself reported.
 */
export async function detectDebianBuild(
  binaryPath: string,
  engine: Engine,
  upstream: string,
): Promise<string | undefined> {
  const root = packageRootOf(binaryPath);
  if (root === undefined) return undefined;
  const packages = [`${engine}-server`, `${engine}-tools`];
  const versions: Array<string | undefined> = [];
  const status = await readOptional(join(root, 'var/lib/dpkg/status'));
  if (status) {
    const text = status.toString('utf8');
    versions.push(...packages.map(p => versionInStatus(text, p)));
  }
  for (const pkg of packages) {
    const changelog = await readOptional(
      join(root, 'usr/share/doc', pkg, 'changelog.Debian.gz'),
    );
    if (changelog) versions.push(versionInChangelog(changelog));
  }
  for (const version of versions) {
    const parsed = version ? parseDebianVersion(version) : undefined;
    if (parsed?.upstream === upstream) return parsed.build;
  }
  return undefined;
}

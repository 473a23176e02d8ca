import { DriverTls } from '@justmanage/plugin-dbaas-node';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathExists, writeFileAtomic } from './fsUtils';
import { InstanceFiles } from './instanceFiles';
import type { InstanceRuntime } from './instanceState';

/** Where a node keeps its TLS files: fixed paths, so a rotation swaps contents only. */
export interface NodeTlsPaths {
  folder: string;
  ca: string;
  certificate: string;
  privateKey: string;
  /** The certificates' generation, written last. */
  generation: string;
}

export function nodeTlsPaths(
  files: Pick<InstanceFiles, 'folder'>,
): NodeTlsPaths {
  const folder = join(files.folder, 'tls');
  return {
    folder,
    ca: join(folder, 'ca.crt'),
    certificate: join(folder, 'node.crt'),
    privateKey: join(folder, 'node.key'),
    generation: join(folder, 'generation'),
  };
}

/**
 * The CA a node's own links trust, when the node serves TLS: what the
 * driver needs to dial it (observe, live changes) without the spec.
 */
export function nodeTrust(
  files: Pick<InstanceFiles, 'folder'>,
  runtime: Pick<InstanceRuntime, 'tls'> | undefined,
): { ca: string } | undefined {
  // With TLS preferred the node's port is still plain.
  if (runtime?.tls === 'preferred') return undefined;
  const { ca } = nodeTlsPaths(files);
  return pathExists(ca) ? { ca: readFileSync(ca, 'utf8') } : undefined;
}

/** The ports a node listens on, and which speaks TLS. */
export interface NodeListeners {
  /** 0 when the node speaks TLS only. */
  plainPort: number;
  /** 0 without TLS. */
  tlsPort: number;
}

/** Where a node with this runtime listens, in plain TCP and in TLS. */
export function nodeListeners(
  runtime: Pick<InstanceRuntime, 'port' | 'tls' | 'tlsPort'>,
  mode: 'preferred' | 'required' | undefined,
): NodeListeners {
  if (mode === 'required') return { plainPort: 0, tlsPort: runtime.port };
  if (mode === 'preferred') {
    return { plainPort: runtime.port, tlsPort: runtime.tlsPort! };
  }
  return { plainPort: runtime.port, tlsPort: 0 };
}

/**
 * Gives the node a certificate of the spec's generation unless it has one.
 * Returns whether the files changed, so that a running server is told to
 * load them. The key and certificate are written before the generation,
 * so an interrupted write is redone on the next converge.
 */
export async function ensureNodeCertificate(
  files: Pick<InstanceFiles, 'folder'>,
  tls: DriverTls,
  node: { id: string; hosts: string[] },
): Promise<boolean> {
  const paths = nodeTlsPaths(files);
  const current =
    pathExists(paths.generation) &&
    pathExists(paths.certificate) &&
    pathExists(paths.privateKey) &&
    pathExists(paths.ca)
      ? readFileSync(paths.generation, 'utf8').trim()
      : undefined;
  if (
    current === String(tls.generation) &&
    readFileSync(paths.ca, 'utf8') === tls.caCertificate
  ) {
    return false;
  }
  mkdirSync(paths.folder, { recursive: true, mode: 0o700 });
  const issued = await tls.issue({ nodeId: node.id, hosts: node.hosts });
  writeFileAtomic(paths.ca, tls.caCertificate, 0o644);
  writeFileAtomic(paths.privateKey, await issued.privateKey.reveal(), 0o600);
  writeFileAtomic(paths.certificate, issued.certificate, 0o644);
  writeFileAtomic(paths.generation, `${tls.generation}\n`, 0o644);
  return true;
}

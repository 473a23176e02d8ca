import { Engine } from '@justmanage/plugin-dbaas-common';
import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { createHash } from 'node:crypto';
import { InstanceFiles } from './instanceFiles';
import { readJsonIfExists, writeFileAtomic } from './fsUtils';

/** The spec as stored on disk: users keep their names and rules only. */
export type StoredSpec = Omit<DriverInstanceSpec, 'users' | 'admin'> & {
  users: Array<{ username: string; rules: string }>;
};

/** What the driver chose for an instance and must keep across restarts. */
export interface InstanceRuntime {
  port: number;
  /** With `addressing: loopback`: the node's own address. */
  host?: string;
  /**
   * The instance's TLS mode when the node was last prepared. `port` speaks
   * TLS when it is `required` (or, for nodes prepared before modes were
   * recorded, when the node has TLS files); with `preferred`, `port` is
   * plain and TLS is on `tlsPort`.
   */
  tls?: 'preferred' | 'required';
  /** With TLS `preferred`: the TLS port beside the plain `port`. */
  tlsPort?: number;
  binary: { path: string; engine: Engine; version: string };
  /** Set for a Sentinel, with the name it monitors the primary under. */
  sentinel?: { masterName: string };
}

/** Fingerprints of the files a running process has taken in. */
export interface AppliedDigests {
  conf: string;
  acl: string;
}

/** Keeps what the supervisor needs: no passwords, not even their hashes. */
export function redactSpec(spec: DriverInstanceSpec): StoredSpec {
  const { admin: _admin, ...rest } = spec;
  return {
    ...rest,
    users: spec.users.map(({ username, rules }) => ({ username, rules })),
  };
}

/** A short fingerprint, enough to tell whether a file changed. */
export function digest(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

export function writeSpec(
  files: InstanceFiles,
  spec: DriverInstanceSpec,
): void {
  writeFileAtomic(files.spec, `${JSON.stringify(redactSpec(spec), null, 2)}\n`);
}

export function readStoredSpec(files: InstanceFiles): StoredSpec | undefined {
  return readJsonIfExists<StoredSpec>(files.spec);
}

export function readRuntime(files: InstanceFiles): InstanceRuntime | undefined {
  return readJsonIfExists<InstanceRuntime>(files.runtime);
}

export function writeRuntime(
  files: InstanceFiles,
  runtime: InstanceRuntime,
): void {
  writeFileAtomic(files.runtime, `${JSON.stringify(runtime)}\n`);
}

export function readApplied(files: InstanceFiles): AppliedDigests | undefined {
  return readJsonIfExists<AppliedDigests>(files.applied);
}

export function writeApplied(
  files: InstanceFiles,
  applied: AppliedDigests,
): void {
  writeFileAtomic(files.applied, `${JSON.stringify(applied)}\n`);
}
